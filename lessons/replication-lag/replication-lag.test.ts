import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { mmc } from '../../src/kit/theory/queueing';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import { APP_LATENCY_MS } from './constants';
import lesson from './index';
import { meanMaxOfExponentials } from './theory';
import { staleWindowMs } from './theory-stale';
import { toneOf } from '../../src/engine/trace';

type Params = Record<string, string | number>;
const solution = lesson.code.solution;
const starter = lesson.code.starter;

function run(params: Params = {}, code = solution, faults: Fault[] = [], seed = 7): RunResult {
  const r = runLesson(lesson, { lessonId: lesson.id, params, code, seed, faults }, { trace: false });
  expect(r.diagnostics, JSON.stringify(params)).toEqual([]);
  return r;
}
const num = (r: RunResult, k: string) => r.metrics[k] as number;
const summary = (r: RunResult, k: string) =>
  r.metrics[k] as { mean: number; p50: number; p99: number; count: number };
const quiet = { leaderCrashAtMs: 0, durationMs: 20_000 };

describe('replication-lag: anomalies and the routing that removes them', () => {
  test('round-robin reads over async followers break read-your-writes and monotonic reads; the session rule does not', () => {
    const naive = run({ ...quiet, mode: 'async' }, starter);
    expect(num(naive, 'readYourWritesViolations')).toBeGreaterThan(100);
    expect(num(naive, 'monotonicReadViolations')).toBeGreaterThan(0);
    expect(num(naive, 'followerReadShare')).toBe(1);
    const fixed = run({ ...quiet, mode: 'async' });
    expect(num(fixed, 'readYourWritesViolations')).toBe(0);
    expect(num(fixed, 'monotonicReadViolations')).toBe(0);
    // Some reads go to the leader (reloads the followers have not caught up with), most do not.
    expect(num(fixed, 'followerReadShare')).toBeGreaterThan(0.6);
    expect(num(fixed, 'followerReadShare')).toBeLessThan(1);
  });

  test('remote apply on every follower makes follower reads fresh', () => {
    const r = run({ ...quiet, mode: 'sync' }, starter);
    expect(num(r, 'staleReads')).toBe(0);
    expect(num(r, 'readYourWritesViolations')).toBe(0);
  });
});

describe('replication-lag: what a write waits for', () => {
  test('sync write latency is at least the round trip to the slowest follower plus its replay time', () => {
    const p = {
      ...quiet,
      mode: 'sync',
      latencyMs: 50,
      applyMs: 5,
      slowFollowerFactor: 2.5,
      writesPerSecond: 60,
    };
    const r = run(p);
    const w = summary(r, 'writeLatencyMs');
    const roundTrip = 2 * APP_LATENCY_MS + 2 * p.latencyMs;
    const slowReplay = mmc(p.writesPerSecond, 1, p.applyMs * p.slowFollowerFactor).meanTimeInSystemMs;
    expect(w.p50).toBeGreaterThanOrEqual(roundTrip);
    expect(w.mean).toBeGreaterThanOrEqual(roundTrip + slowReplay * 0.9);
    const semi = summary(run({ ...p, mode: 'semi-sync' }), 'writeLatencyMs');
    expect(semi.p99).toBeLessThan(w.p50);
  });

  test('E[max] of independent exponentials: one is its mean, two equal ones 1.5 means', () => {
    expect(meanMaxOfExponentials([0.1])).toBeCloseTo(10);
    expect(meanMaxOfExponentials([0.1, 0.1])).toBeCloseTo(15);
  });

  test('a crashed follower stops sync commits (no timeout) but not semi-sync ones', () => {
    const crash: Fault[] = [{ at: 5000, kind: 'crash', actor: 'db-2' }];
    const sync = run({ ...quiet, mode: 'sync' }, solution, crash);
    // Writes sent after the crash (15 s of 20 s) are never acknowledged.
    expect(num(sync, 'writesFailed')).toBeGreaterThan(0.6 * num(sync, 'writes'));
    const semi = run({ ...quiet, mode: 'semi-sync' }, solution, crash);
    expect(num(semi, 'writesFailed')).toBeLessThan(10);
  });
});

describe('replication-lag: failover', () => {
  test('async loses the writes acknowledged while the leader was cut off; semi-sync loses none', () => {
    const p = { mode: 'async', leaderCrashAtMs: 10_000, isolateBeforeCrashMs: 2000, durationMs: 20_000 };
    const a = run(p);
    // About 2 s × 60 writes/s were acknowledged by the cut-off leader alone.
    expect(num(a, 'acknowledgedWritesLost')).toBeGreaterThan(60);
    expect(num(a, 'acknowledgedWritesLost')).toBeLessThan(200);
    expect(num(a, 'failovers')).toBe(1);
    const s = run({ ...p, mode: 'semi-sync' });
    expect(num(s, 'acknowledgedWritesLost')).toBe(0);
    expect(num(s, 'semiSyncFallbacks')).toBe(0);
  });

  test('semi-sync falls back to async after its 10 s timeout, and then loses acknowledged writes', () => {
    const r = run({
      mode: 'semi-sync',
      leaderCrashAtMs: 14_000,
      isolateBeforeCrashMs: 12_000,
      durationMs: 20_000,
    });
    expect(num(r, 'semiSyncFallbacks')).toBe(1);
    expect(num(r, 'acknowledgedWritesLost')).toBeGreaterThan(100);
  });

  test('the old leader restarts as a follower, drops what only it had, and catches up with the new leader', () => {
    const p = { mode: 'async', leaderCrashAtMs: 8000, isolateBeforeCrashMs: 2000, durationMs: 20_000 };
    const r = run(p, solution, [{ at: 12_000, kind: 'restart', actor: 'db-0' }]);
    expect(num(r, 'failovers')).toBe(1);
    const ends = [0, 1, 2, 3].map((i) => num(r, `db${i}AppliedMax`));
    const leaderEnd = Math.max(...ends.slice(1));
    // Within a fraction of a second's writes of the new leader at the end.
    expect(ends[0]).toBeGreaterThan(leaderEnd - 30);
  });
});

describe('replication-lag: what the page shows', () => {
  test('answers are toned: anomalies bad, stale reads warn, fresh ones ok; each shown session has a last-write marker', () => {
    const r = runLesson(
      lesson,
      { lessonId: lesson.id, params: { ...quiet, durationMs: 8000 }, code: starter, seed: 3, faults: [] },
      { trace: true },
    );
    const { strings } = r.trace;
    const toned = (tone: string) => strings.filter((_, i) => toneOf(r.trace, i) === tone);
    expect(toned('bad').length).toBeGreaterThan(0);
    expect(toned('bad').every((l) => /⚠ (not your write|back in time)/.test(l))).toBe(true);
    expect(toned('warn').every((l) => l.endsWith('(stale)'))).toBe(true);
    expect(toned('ok').length).toBeGreaterThan(0);
    expect(toned('ok').some((l) => l.includes('⚠') || l.includes('stale'))).toBe(false);
    // Requests are not judged: only answers carry a tone.
    expect(strings.some((l, i) => l.startsWith('GET') && toneOf(r.trace, i) !== undefined)).toBe(false);
    for (const u of ['u0', 'u1', 'u2']) {
      expect(num(r, `${u}LastWriteMax`)).toBeGreaterThan(0);
      expect(num(r, `${u}LastWriteMax`)).toBeLessThanOrEqual(num(r, 'leaderLogEndMax'));
    }
  });
});

describe('replication-lag: stale views and the mode in force', () => {
  test('the window a write is visible on the leader only: lag minus visibility, or its exponential tail', () => {
    // Async: visible after a 1 ms flush, on the follower after 50 ms + a 7 ms mean replay.
    expect(staleWindowMs(50, 7, 1)).toBeCloseTo(56);
    // Semi-sync: visible after 101 ms; only replays longer than 51 ms leave a window.
    expect(staleWindowMs(50, 7, 101)).toBeCloseTo(7 * Math.exp(-51 / 7));
  });

  test('routing does not change how often a follower is behind; it changes how many reads see it', () => {
    const naive = run({ ...quiet, mode: 'async' }, starter);
    const fixed = run({ ...quiet, mode: 'async' });
    expect(num(fixed, 'slowStaleViewShare')).toBeGreaterThan(0.1);
    expect(num(fixed, 'slowStaleViewShare')).toBeCloseTo(num(naive, 'slowStaleViewShare'), 2);
    expect(num(fixed, 'staleReadShare')).toBeLessThan(num(naive, 'staleReadShare') / 2);
  });

  test('the theory follows the mode commitMode chose, not the knob', () => {
    const everySync = solution.replace(/return settings\.mode;/, "return 'sync';");
    expect(everySync).not.toBe(solution);
    const r = run({ ...quiet, mode: 'async' }, everySync);
    expect(num(r, 'syncCommits')).toBe(num(r, 'writes'));
    const titles = r.theory.map((t) => t.title);
    expect(titles).toContain('Write latency, synchronous (remote apply, every follower)');
    expect(titles).not.toContain('Write latency, asynchronous');
    expect(r.theory.every((t) => t.agrees)).toBe(true);
    // Half the writes synchronous: no single write-latency formula applies.
    const mixed = solution.replace(/return settings\.mode;/, "return write.position % 2 ? 'sync' : 'async';");
    const m = run({ ...quiet, mode: 'async' }, mixed);
    expect(m.theory.some((t) => t.title.startsWith('Write latency'))).toBe(false);
  });

  test('a write burst faster than replay leaves the slowest follower behind by its fluid backlog', () => {
    const calm = run({ ...quiet, mode: 'async' }, solution);
    const burst = run({ ...quiet, mode: 'async', burstWritesPerSecond: 500 }, solution);
    expect(num(burst, 'lagEntriesMax')).toBeGreaterThan(10 * num(calm, 'lagEntriesMax'));
    const row = burst.theory.find((t) => t.metric === 'lagEntriesMax');
    expect(row?.agrees, JSON.stringify(row)).toBe(true);
    // Steady-state claims no longer apply to a run with a burst in it.
    expect(burst.theory.some((t) => t.metric === 'slowLagMs' || t.metric === 'slowStaleViewShare')).toBe(
      false,
    );
    expect(calm.theory.some((t) => t.metric === 'lagEntriesMax')).toBe(false);
  });
});
