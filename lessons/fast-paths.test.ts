import { describe, expect, test } from 'vitest';
import type { Fault } from '../src/engine/faults';
import { Simulation } from '../src/engine/sim';
import { loadLearnerCode } from '../src/lesson/learner';
import { resolveParams } from '../src/lesson/params';
import { loadLesson } from './registry';

/**
 * Lessons answer their hottest messages without an xstate event (`fast` in the spawn
 * options): the polling server's immediate answers, an SSE tab's events on an open
 * stream. Each must change nothing the machines alone would not: the same run with the
 * fast paths off must leave every trace column and every metric identical.
 */
const CASES: { lesson: string; params: Record<string, string | number>; faults: Fault[] }[] = [
  {
    lesson: 'polling',
    params: { clients: 15, durationMs: 40_000, eventsPerSecond: 3 },
    faults: [
      { kind: 'crash', actor: 'server', at: 6_000 },
      { kind: 'restart', actor: 'server', at: 9_000 },
    ],
  },
  {
    lesson: 'polling',
    params: { clients: 15, durationMs: 40_000, strategy: 'long', holdTimeoutMs: 4_000 },
    faults: [{ kind: 'partition', a: 'server', b: 'client-3', at: 2_000 }],
  },
  {
    lesson: 'sse',
    params: { clients: 4, tabs: 8, httpVersion: '1.1', durationMs: 30_000 },
    faults: [
      { kind: 'partition', a: 'server', b: 'b1-tab2', at: 4_000 },
      { kind: 'heal', a: 'server', b: 'b1-tab2', at: 9_000 },
      { kind: 'crash', actor: 'b2-tab1', at: 5_000 },
      { kind: 'restart', actor: 'b2-tab1', at: 7_000 },
    ],
  },
  { lesson: 'sse', params: { clients: 6, tabs: 3, httpVersion: '2', durationMs: 30_000 }, faults: [] },
];

async function run(c: (typeof CASES)[number], fastPaths: boolean) {
  const lesson = (await loadLesson(c.lesson))!;
  const resolved = resolveParams(lesson.params, c.params);
  if (!resolved.ok) throw new Error(resolved.errors.join());
  const sim = new Simulation({ seed: 4, fastPaths });
  const rng = sim.rng.fork('learner');
  const learner = loadLearnerCode(lesson, lesson.code.solution, () => rng.next());
  if (!learner.ok) throw new Error(learner.diagnostic.message);
  lesson.build(sim, resolved.params, learner.api);
  sim.scheduleFaults(c.faults);
  sim.run(Number(resolved.params.durationMs));
  expect(sim.failure).toBeUndefined();
  return { trace: sim.trace.toData(), metrics: sim.metrics.snapshot() };
}

describe.each(CASES)('$lesson $params', (c) => {
  test('fast paths on and off give the same trace and metrics', async () => {
    const [fast, slow] = [await run(c, true), await run(c, false)];
    expect(fast.trace.length).toBe(slow.trace.length);
    expect(fast.trace.length).toBeGreaterThan(1_000);
    for (const col of ['kind', 't', 'a', 'b', 'c', 'v'] as const)
      expect(Buffer.from(fast.trace[col].buffer).equals(Buffer.from(slow.trace[col].buffer)), col).toBe(true);
    expect(fast.trace.strings).toEqual(slow.trace.strings);
    expect(fast.metrics).toEqual(slow.metrics);
  });
});
