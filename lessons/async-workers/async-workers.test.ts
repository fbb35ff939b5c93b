import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { runLesson } from '../../src/lesson/run';
import { read } from './goals';
import lesson from './index';
import type { AsyncWorkersParams } from './params';

function run(
  params: Partial<AsyncWorkersParams>,
  code = lesson.code.solution,
  faults: Fault[] = [],
  seed = 3,
) {
  const r = runLesson(
    lesson,
    { lessonId: lesson.id, params: params as Record<string, number>, code, seed, faults },
    { trace: false },
  );
  return { r, m: read(r), goal: (id: string) => r.goals.find((g) => g.id === id)! };
}

const SHORT: Partial<AsyncWorkersParams> = { burstDevices: 500, burstAtMs: 10_000, durationMs: 30_000 };

describe('async workers', () => {
  test('the queue takes the burst off the request path and off the database', () => {
    const sync = run({ ...SHORT, mode: 'sync' });
    const async = run({ ...SHORT, mode: 'async' });
    expect(sync.r.diagnostics).toEqual([]);
    expect(async.r.diagnostics).toEqual([]);
    // Same work reaches the database either way...
    expect(async.m.count('dbQueries')).toBe(2 * async.m.count('requests'));
    expect(sync.m.count('dbQueries')).toBe(2 * sync.m.count('requests'));
    // ...but spread out, and the callers no longer wait for it.
    expect(async.m.count('dbLoadPeakPerSecond')).toBeLessThan(sync.m.count('dbLoadPeakPerSecond') / 2);
    expect(async.m.summary('apiLatencyMs').p99).toBeLessThan(sync.m.summary('apiLatencyMs').p99 / 2);
    expect(async.m.peak('queueDepth')).toBeGreaterThan(100);
    expect(sync.m.peak('queueDepth')).toBe(0);
    // Sync: everything done before the answer; async: later, by a measurable delay.
    expect(sync.m.summary('consistencyDelayMs').max).toBe(0);
    expect(async.m.summary('consistencyDelayMs').mean).toBeGreaterThan(10);
  });

  test('without faults every message is worked on once and deleted', () => {
    const { m } = run(SHORT);
    expect(m.count('redeliveries')).toBe(0);
    expect(m.count('repeatedSteps')).toBe(0);
    expect(m.count('deadLettered')).toBe(0);
    // The burst drained long before the end: at most one message per worker still in hand.
    expect(m.count('messagesSent') - m.count('deferredDone')).toBeLessThanOrEqual(6);
    expect(m.count('acked')).toBeLessThanOrEqual(m.count('deferredDone'));
    expect(m.count('deferredDone') - m.count('acked')).toBeLessThanOrEqual(6);
  });

  test('a worker that dies mid-message: the message comes back after the visibility timeout', () => {
    const crash: Fault[] = [{ at: 10_200, kind: 'crash', actor: 'worker-1' }];
    const { r, m } = run(SHORT, lesson.code.solution, crash);
    expect(r.diagnostics).toEqual([]);
    expect(m.count('workerCrashes')).toBe(1);
    expect(m.count('visibilityExpiries')).toBeGreaterThanOrEqual(1);
    expect(m.count('redeliveries')).toBeGreaterThanOrEqual(1);
    expect(m.count('overdueAtEnd')).toBe(0);
    // The redelivered message waited out the 10 s timeout.
    expect(m.summary('consistencyDelayMs').max).toBeGreaterThan(10_000 - 1000);
  });

  test('a cut link to the broker: SendMessage gets no answer and the API answers 503', () => {
    const cut: Fault[] = [
      { at: 5000, kind: 'partition', a: 'api', b: 'queue' },
      { at: 7000, kind: 'heal', a: 'api', b: 'queue' },
    ];
    const { m } = run({ ...SHORT, burstDevices: 0 }, lesson.code.solution, cut);
    // About 2 s of posts at 40/s.
    expect(m.count('publishFailures')).toBeGreaterThan(40);
    expect(m.count('publishFailures')).toBeLessThan(130);
    expect(m.count('answered') + m.count('publishFailures')).toBeLessThanOrEqual(m.count('requests'));
  });

  test('deferring the INSERT of a post answers before it is stored', () => {
    const everything = lesson.code.starter.replace("return 'request';", "return 'worker';");
    const { r, goal, m } = run({ ...SHORT, burstDevices: 0 }, everything);
    expect(r.diagnostics).toEqual([]);
    expect(goal('post-visible').passed).toBe(false);
    expect(m.count('unstoredAtAnswer')).toBeGreaterThan(0);
  });

  test('a placement that is neither request nor worker is a mistake with a sentence', () => {
    const wrong = lesson.code.starter.replace("return 'request';", "return 'later' as never;");
    const { r } = run({ ...SHORT, burstDevices: 0 }, wrong);
    expect(r.diagnostics[0]?.message).toMatch(/placeStep must return 'request' or 'worker'/);
  });
});
