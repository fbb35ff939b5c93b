import { describe, expect, test } from 'vitest';
import { runLesson } from '../src/lesson/run';
import type { AnyLessonRuntime as AnyLesson, Metrics } from '../src/lesson/types';
import { loadLesson } from './registry';

/**
 * Golden numbers of the four real-time lessons, captured before they moved onto
 * src/kit: a port must leave every figure here unchanged, except where a figure was
 * wrong (each such change is named in the commit that updates the snapshot).
 */

type Case = {
  lesson: string;
  code: 'starter' | 'solution';
  seed: number;
  params: Record<string, string | number>;
};

const CASES: Case[] = [
  { lesson: 'polling', code: 'starter', seed: 1, params: {} },
  { lesson: 'polling', code: 'solution', seed: 1, params: { strategy: 'long' } },
  { lesson: 'polling', code: 'solution', seed: 2, params: { strategy: 'long', eventsPerSecond: 20 } },
  { lesson: 'polling', code: 'starter', seed: 3, params: { pollIntervalMs: 200, clients: 5 } },
  { lesson: 'sse', code: 'starter', seed: 1, params: {} },
  { lesson: 'sse', code: 'solution', seed: 1, params: {} },
  { lesson: 'sse', code: 'solution', seed: 2, params: { httpVersion: '2', tabs: 8, clients: 10 } },
  { lesson: 'sse', code: 'solution', seed: 1, params: { clients: 1, tabs: 8, dropEveryMs: 0 } },
  { lesson: 'websockets', code: 'starter', seed: 1, params: {} },
  { lesson: 'websockets', code: 'solution', seed: 1, params: {} },
  { lesson: 'websockets', code: 'solution', seed: 3, params: { deadPeerAtMs: 1000 } },
  { lesson: 'websockets', code: 'solution', seed: 1, params: { clients: 2 } },
  { lesson: 'realtime-compare', code: 'starter', seed: 1, params: {} },
  { lesson: 'realtime-compare', code: 'solution', seed: 1, params: {} },
  {
    lesson: 'realtime-compare',
    code: 'solution',
    seed: 1,
    params: { override: 'short', keepAliveTimeoutMs: 0 },
  },
  { lesson: 'realtime-compare', code: 'solution', seed: 2, params: { override: 'long', tls: '1.2' } },
  {
    lesson: 'realtime-compare',
    code: 'solution',
    seed: 1,
    params: { override: 'websocket', durationMs: 60000 },
  },
];

/** Metrics in a stable order, rounded so the snapshot reads easily. */
function flat(m: Metrics): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(m).sort()) {
    const v = m[k]!;
    if (typeof v === 'number') out[k] = Math.round(v * 1000) / 1000;
    else for (const f of ['mean', 'p99', 'count'] as const) out[`${k}.${f}`] = Math.round(v[f] * 1000) / 1000;
  }
  return out;
}

describe.each(CASES)('$lesson $code seed $seed $params', (c) => {
  test('metrics and goal verdicts', async () => {
    const lesson = (await loadLesson(c.lesson)) as AnyLesson;
    const r = runLesson(
      lesson,
      { lessonId: c.lesson, params: c.params, code: lesson.code[c.code], seed: c.seed, faults: [] },
      { trace: false },
    );
    expect(r.diagnostics).toEqual([]);
    expect({
      metrics: flat(r.metrics),
      goals: Object.fromEntries(r.goals.map((g) => [g.id, `${g.passed ? 'pass' : 'FAIL'}: ${g.detail}`])),
    }).toMatchSnapshot();
  });
});
