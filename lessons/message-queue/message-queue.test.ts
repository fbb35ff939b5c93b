import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { runLesson } from '../../src/lesson/run';
import { read } from './goals';
import lesson from './index';
import type { MessageQueueParams } from './params';

/** A sound consumer with a fixed pool (no autoscaling). */
const FIXED_POOL = lesson.code.starter
  .replace("return 'ack-then-process';", "return 'process-then-ack';")
  .replace("return 'retry-here';", "return 'release';");

const QUIET: Partial<MessageQueueParams> = {
  failureRate: 0,
  crashAtMs: 0,
  spikeFactor: 1,
  durationMs: 30_000,
};

function run(
  params: Partial<MessageQueueParams>,
  code = lesson.code.solution,
  faults: Fault[] = [],
  seed = 3,
) {
  const r = runLesson(
    lesson,
    { lessonId: lesson.id, params: params as Record<string, number>, code, seed, faults },
    { trace: false },
  );
  expect(r.diagnostics).toEqual([]);
  return { r, m: read(r), goal: (id: string) => r.goals.find((g) => g.id === id)! };
}

/** Every message the queue stored ends in exactly one place. */
function expectConserved(m: ReturnType<typeof run>['m']) {
  expect(m.count('acked') + m.count('deadLettered') + m.count('pendingAtEnd')).toBe(m.count('messagesSent'));
  expect(m.count('lost')).toBeLessThanOrEqual(m.count('acked'));
  expect(m.count('processed') + m.count('lost')).toBeGreaterThanOrEqual(m.count('acked'));
}

describe('message-queue lesson', () => {
  test('one consumer at ρ = 4: nothing lost, the backlog just grows', () => {
    const { m } = run({ ...QUIET, consumers: 1 }, FIXED_POOL);
    expectConserved(m);
    expect(m.count('lost')).toBe(0);
    expect(m.peak('backlog')).toBeGreaterThan(500);
  });

  test('the most consumers at a light load: idle most of the time, and the efficiency goal says so', () => {
    const { m, goal } = run({ ...QUIET, consumers: 40 });
    expectConserved(m);
    expect(m.count('consumerUtilization')).toBeLessThan(0.15);
    expect(goal('efficient').passed).toBe(false);
    expect(m.summary('queueWaitMs').max).toBe(0);
  });

  test('a visibility timeout shorter than the processing time causes duplicates with no crash', () => {
    const { m } = run({ ...QUIET, visibilityTimeoutMs: 50, processingMs: 80, messagesPerSecond: 10 });
    expectConserved(m);
    expect(m.count('consumerCrashes')).toBe(0);
    expect(m.count('visibilityExpiries')).toBeGreaterThan(0);
    expect(m.count('duplicates')).toBeGreaterThan(0);
    expect(m.count('staleDeletes')).toBeGreaterThan(0);
  });

  test('failure rate 0: nothing dead-lettered; failure rate 1: everything is, after maxAttempts tries', () => {
    const none = run({ ...QUIET, failureRate: 0 }).m;
    expect(none.count('deadLettered')).toBe(0);
    expect(none.count('poisonSent')).toBe(0);
    const all = run({ ...QUIET, failureRate: 1, maxAttempts: 4 });
    expectConserved(all.m);
    expect(all.m.count('processed')).toBe(0);
    expect(all.m.count('poisonSent')).toBe(all.m.count('messagesSent'));
    expect(all.m.count('poisonDeadLettered') + all.m.count('poisonPending')).toBe(all.m.count('poisonSent'));
    expect(all.m.count('poisonAttempts')).toBeLessThanOrEqual(4 * all.m.count('poisonSent'));
    expect(all.goal('poison-parked').passed).toBe(true);
  });

  test('maxAttempts 1: a malformed message is dead-lettered after its first failure', () => {
    const { m } = run({ ...QUIET, failureRate: 0.05, maxAttempts: 1 });
    expect(m.count('poisonSent')).toBeGreaterThan(0);
    expect(m.count('poisonAttempts')).toBe(m.count('poisonDeadLettered') + m.count('poisonPending'));
    expect(m.count('redeliveries')).toBe(0);
  });

  test('a crash mid-message: acknowledging first loses it; acknowledging after delays it by the visibility timeout', () => {
    const params = { ...QUIET, crashAtMs: 10_000, visibilityTimeoutMs: 5000 };
    const starter = run(params, lesson.code.starter.replace("'retry-here'", "'delete'"));
    expect(starter.m.count('consumerCrashes')).toBe(1);
    expect(starter.m.count('lost')).toBe(1);
    const solution = run(params);
    expectConserved(solution.m);
    expect(solution.m.count('lost')).toBe(0);
    expect(solution.m.count('duplicates')).toBe(0);
    expect(solution.m.count('redeliveries')).toBe(1);
    expect(solution.m.count('visibilityExpiries')).toBe(1);
    // The crashed message comes back after the timeout and is then processed.
    expect(solution.m.summary('endToEndLatencyMs').max).toBeGreaterThan(5000);
    expect(solution.m.summary('endToEndLatencyMs').max).toBeLessThan(5000 + 2000);
  });

  test('faults from the panel: a crashed consumer or a cut link brings a redelivery, nothing lost', () => {
    const crash = run(QUIET, lesson.code.solution, [{ at: 10_000, kind: 'crash', actor: 'consumer-1' }]).m;
    expect(crash.count('consumerCrashes')).toBe(1);
    expect(crash.count('lost')).toBe(0);
    const cut = run(QUIET, lesson.code.solution, [
      { at: 10_000, kind: 'partition', a: 'consumer-2', b: 'queue' },
      { at: 12_000, kind: 'heal', a: 'consumer-2', b: 'queue' },
    ]).m;
    expectConserved(cut);
    expect(cut.count('lost')).toBe(0);
  });

  test('the spike: the starter drains slowly, the reference autoscales and stays busy', () => {
    const params = { failureRate: 0, crashAtMs: 0, spikeAtMs: 20_000, spikeFactor: 4, durationMs: 60_000 };
    const fixed = run(params, lesson.code.starter);
    expect(fixed.goal('drained').passed).toBe(false);
    const scaled = run(params);
    expect(scaled.goal('drained').passed).toBe(true);
    expect(scaled.m.peak('consumersUp')).toBeGreaterThan(6);
    expect(scaled.goal('efficient').passed).toBe(true);
  });

  test('a learner function returning nonsense stops the run with a sentence', () => {
    const r = runLesson(
      lesson,
      {
        lessonId: lesson.id,
        params: QUIET as Record<string, number>,
        code: lesson.code.starter.replace("return 'ack-then-process';", "return 'later' as never;"),
        seed: 1,
        faults: [],
      },
      { trace: false },
    );
    expect(r.diagnostics[0]?.message).toMatch(/onReceive must return/);
  });
});
