import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { movedFractionConsistent, movedFractionModN, shareRelativeStd } from '../../src/kit/theory/hashing';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import { resolveParams } from '../../src/lesson/params';
import { hotKeyFloor, shardingGoals } from './goals';
import lesson from './index';
import { shardingParams } from './params';

type Params = Record<string, string | number>;
const solution = lesson.code.solution;

function run(params: Params = {}, seed = 7, faults: Fault[] = [], code = solution): RunResult {
  const r = runLesson(lesson, { lessonId: lesson.id, params, code, seed, faults }, { trace: false });
  expect(r.diagnostics, JSON.stringify(params)).toEqual([]);
  return r;
}
const num = (r: RunResult, k: string) => r.metrics[k] as number;
const ROUTERS = ['range', 'hash-mod', 'consistent', 'directory'];

/** What must hold in every run without faults: every read answered, keys accounted for. */
function invariants(r: RunResult, p: Params): void {
  const what = JSON.stringify(p);
  expect(num(r, 'requestsLost'), what).toBe(0);
  // Reads still in flight at the end are the only ones not served (a few ms' worth).
  const inFlight = num(r, 'requests') - num(r, 'requestsServed');
  expect(inFlight, what).toBeGreaterThanOrEqual(0);
  expect(inFlight, what).toBeLessThanOrEqual(Math.max(5, (Number(p.requestsPerSecond ?? 1000) / 1000) * 60));
  expect(num(r, 'keysMoved'), what).toBeLessThanOrEqual(Number(p.keys ?? 100_000));
  expect(num(r, 'loadImbalance'), what).toBeGreaterThanOrEqual(1);
}

describe('sharding-routers: the edges of every knob, with the reference router', () => {
  const edges: Params[] = [
    { shards: 1 },
    { shards: 64 },
    { zipfS: 0 },
    { zipfS: 1.5 },
    { virtualNodes: 1 },
    { virtualNodes: 1000 },
    { keys: 100 },
    { requestsPerSecond: 10 },
    { addShardAtMs: 0 },
    { addShardAtMs: 19_900 },
    { addShardAtMs: 600_000 },
  ];
  for (const router of ROUTERS)
    test(`${router}: no read lost and keys accounted for at every edge`, () => {
      for (const e of edges) {
        const p: Params = { router, ...e };
        const r = run(p);
        invariants(r, p);
        const joins = Number(p.addShardAtMs ?? 8000) > 0 && Number(p.addShardAtMs ?? 8000) < 20_000;
        if (!joins) {
          expect(num(r, 'keysMoved')).toBe(0);
          expect(num(r, 'misroutedRequests')).toBe(0);
          expect(num(r, 'shardsAtEnd')).toBe(Number(p.shards ?? 16));
        }
      }
    }, 120_000);

  test('one shard growing to two: ranges, hash mod N and the directory move half the keys', () => {
    for (const router of ['range', 'hash-mod', 'directory']) {
      const f = num(run({ router, shards: 1 }), 'keysMovedFraction');
      expect(f, router).toBeGreaterThan(0.48);
      expect(f, router).toBeLessThan(0.52);
    }
  });

  test('a uniform workload on hashed keys is even; a steep Zipf makes one key a hot shard whatever the router', () => {
    expect(num(run({ router: 'hash-mod', zipfS: 0, addShardAtMs: 0 }), 'loadImbalance')).toBeLessThan(1.25);
    // At s = 1.5 key 0 alone gets 1/ζ(1.5) ≈ 38% of the reads: ≥ 6× the mean on 16 shards.
    for (const router of ROUTERS)
      expect(num(run({ router, zipfS: 1.5, addShardAtMs: 0 }), 'loadImbalance'), router).toBeGreaterThan(6);
  });

  test('one virtual node per shard leaves the ring uneven; a thousand make it even', () => {
    const one = num(run({ virtualNodes: 1, addShardAtMs: 0, zipfS: 0 }), 'keyShareSpread');
    const many = num(run({ virtualNodes: 1000, addShardAtMs: 0, zipfS: 0 }), 'keyShareSpread');
    expect(one).toBeGreaterThan(0.5);
    expect(many).toBeLessThan(0.06);
  });
});

describe('sharding-routers: theory over seeds', () => {
  const SEEDS = [1, 2, 3, 4, 5, 6];
  test('keys moved: hash mod N ≈ N/(N+1), ring ≈ 1/(N+1) on average, directory ⌊Q/(N+1)⌋/Q', () => {
    const mean = (router: string, extra: Params = {}) =>
      SEEDS.map((s) => num(run({ router, ...extra }, s), 'keysMovedFraction')).reduce((a, b) => a + b) /
      SEEDS.length;
    expect(mean('hash-mod')).toBeCloseTo(movedFractionModN(16, 17), 2);
    expect(Math.abs(mean('consistent') / movedFractionConsistent(16) - 1)).toBeLessThan(0.1);
    expect(mean('directory')).toBeCloseTo(Math.floor(4096 / 17) / 4096, 2);
  }, 120_000);

  test('the spread of keys over a ring of v virtual nodes is about √((N−1)/(Nv+1)) (rms over seeds)', () => {
    for (const v of [10, 100]) {
      const sq = SEEDS.map(
        (s) => num(run({ virtualNodes: v, addShardAtMs: 0, shards: 32 }, s), 'keyShareSpread') ** 2,
      );
      const rms = Math.sqrt(sq.reduce((a, b) => a + b) / sq.length);
      const predicted = Math.sqrt(shareRelativeStd(32, v) ** 2 + 31 / 100_000);
      expect(Math.abs(rms / predicted - 1), `v = ${v}`).toBeLessThan(0.25);
    }
  }, 120_000);
});

describe('sharding-routers: stale routers and faults', () => {
  test('after the commit every router refreshes: misroutes are few and all retried', () => {
    const r = run({ router: 'hash-mod' });
    expect(num(r, 'misroutedRequests')).toBeGreaterThan(0);
    expect(num(r, 'staleRoutersMax')).toBe(3);
    expect(num(r, 'mapRefreshes')).toBe(6); // 3 at start, 3 after the watch fired
    expect(num(r, 'requestsLost')).toBe(0);
  });

  test('a router cut off from the coordination service stays stale; its misrouted reads are lost after 1 s', () => {
    const faults: Fault[] = [{ at: 1000, kind: 'partition', a: 'router-2', b: 'coordinator' }];
    const r = run({ router: 'hash-mod' }, 7, faults);
    expect(num(r, 'requestsLost')).toBeGreaterThan(100);
    const healed = run({ router: 'hash-mod' }, 7, [
      ...faults,
      { at: 15_000, kind: 'heal', a: 'router-2', b: 'coordinator' },
    ]);
    expect(num(healed, 'requestsLost')).toBeLessThan(num(r, 'requestsLost'));
  });

  test('a crashed shard loses the reads sent to it', () => {
    const r = run({}, 7, [{ at: 2000, kind: 'crash', actor: 'shard-3' }]);
    expect(num(r, 'requestsLost')).toBeGreaterThan(0);
  });

  test('a route that returns no valid shard stops the run with a sentence naming the value', () => {
    const r = runLesson(
      lesson,
      {
        lessonId: lesson.id,
        params: {},
        code: 'export function route() { return 99; }',
        seed: 7,
        faults: [],
      },
      { trace: false },
    );
    expect(r.diagnostics[0]?.message).toMatch(/must return a shard number from 0 to 15; it returned 99/);
  });
});

describe('sharding-routers: scale', () => {
  test('a million keys on 64 shards runs in seconds (keys moved is typed-array work, not per-key actors)', () => {
    for (const code of [lesson.code.starter, solution]) {
      const r = run({ keys: 1_000_000, shards: 64 }, 7, [], code);
      expect(num(r, 'shardsAtEnd')).toBe(65);
      expect(num(r, 'keysMoved')).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('sharding-routers: the balance goal asks no more than the hottest key allows', () => {
  const balanced = shardingGoals.find((g) => g.id === 'balanced')!;
  const verdict = (over: Params, code = solution) => {
    const resolved = resolveParams(shardingParams, over);
    if (!resolved.ok) throw new Error(resolved.errors.join('; '));
    return balanced.check(run(over, 7, [], code), resolved.params);
  };

  test('the floor p0·N + (1 − p0) is 1 with one shard and grows with skew and shards', () => {
    expect(hotKeyFloor(1000, 0.8, 1)).toBeCloseTo(1, 12);
    expect(hotKeyFloor(100_000, 0, 16)).toBeCloseTo(1 + 15 / 100_000, 9);
    expect(hotKeyFloor(100_000, 1.5, 17)).toBeGreaterThan(hotKeyFloor(100_000, 0.8, 17));
    expect(hotKeyFloor(1_000_000, 0.8, 65)).toBeGreaterThan(1.75);
  });

  test('the reference router meets it at the skew edge; key ranges still miss it on the default workload', () => {
    const skewed = verdict({ zipfS: 1.5 });
    expect(skewed.passed, skewed.detail).toBe(true);
    expect(skewed.detail).toMatch(/the hottest key alone forces at least/);
    const ranged = verdict({ router: 'range' }, lesson.code.starter);
    expect(ranged.passed, ranged.detail).toBe(false);
    expect(ranged.detail).not.toMatch(/hottest key/);
  });
});
