import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import lesson from './index';

type Params = Record<string, string | number>;
const solution = lesson.code.solution;

function run(params: Params = {}, faults: Fault[] = [], code = solution, seed = 3): RunResult {
  return runLesson(lesson, { lessonId: lesson.id, params, code, seed, faults }, { trace: false });
}
const num = (r: RunResult, k: string) => r.metrics[k] as number;

describe('cross-shard-queries: faults a person can inject', () => {
  const crash: Fault[] = [{ at: 5000, kind: 'crash', actor: 'shard-3' }];

  test('a crashed shard fails every scattered query, but only its own users behind a global index', () => {
    const base = { shards: 16, durationMs: 10_000 };
    const scatter = run({ ...base, plan: 'scatter' }, crash);
    const indexed = run({ ...base, plan: 'global-index' }, crash);
    expect(scatter.diagnostics).toEqual([]);
    // After the crash every email query asks shard-3: about half the queries of the last 5 s fail.
    const after = num(scatter, 'queries') / 2;
    expect(num(scatter, 'queriesFailed')).toBeGreaterThan(0.5 * after * 0.9);
    // Behind the index an email query needs shard-3 for about 2 of 16 users, an id query for 1 in 16.
    expect(num(indexed, 'queriesFailed')).toBeGreaterThan(0);
    expect(num(indexed, 'queriesFailed')).toBeLessThan(num(scatter, 'queriesFailed') / 3);
  });

  test('a restarted shard answers again', () => {
    const r = run({ plan: 'scatter', durationMs: 10_000 }, [
      ...crash,
      { at: 6000, kind: 'restart', actor: 'shard-3' },
    ]);
    const down = run({ plan: 'scatter', durationMs: 10_000 }, crash);
    expect(num(r, 'queriesFailed')).toBeGreaterThan(0);
    expect(num(r, 'queriesFailed')).toBeLessThan(num(down, 'queriesFailed') / 3);
  });

  test('a partition between the router and one shard times scattered queries out', () => {
    const r = run({ plan: 'scatter', durationMs: 8000 }, [
      { at: 4000, kind: 'partition', a: 'router', b: 'shard-2' },
    ]);
    expect(num(r, 'queriesFailed')).toBeGreaterThan(100);
    // Failed queries are not answered, so none of them enters the latency summary.
    expect(num(r, 'queriesAnswered') + num(r, 'queriesFailed')).toBeLessThanOrEqual(num(r, 'queries'));
  });

  test('a crashed indexer holds the updates: the index falls behind and stale reads climb', () => {
    const calm = run({ durationMs: 12_000 });
    const r = run({ durationMs: 12_000 }, [
      { at: 3000, kind: 'crash', actor: 'indexer' },
      { at: 8000, kind: 'restart', actor: 'indexer' },
    ]);
    // 5 s of 100 updates/s held at once.
    expect(r.metrics.indexPendingMax as number).toBeGreaterThan(400);
    expect(num(r, 'staleReadFraction')).toBeGreaterThan(2 * num(calm, 'staleReadFraction'));
    // Once it is back, every held update is applied: none lost.
    expect(num(r, 'indexWrites')).toBeGreaterThan(num(r, 'writes') - 50);
  });
});

describe('cross-shard-queries: the planner', () => {
  test('the global index and the scatter return the same rows; only the fan-out differs', () => {
    const scatter = run({ plan: 'scatter' });
    const indexed = run({ plan: 'global-index' });
    for (const r of [scatter, indexed]) {
      expect(num(r, 'wrongAnswers')).toBe(0);
      expect(num(r, 'queriesFailed')).toBe(0);
    }
    expect(num(scatter, 'shardsContactedPerQuery')).toBeCloseTo(0.5 + 0.5 * 16, 0);
    expect(num(indexed, 'shardsContactedPerQuery')).toBeCloseTo(1.5, 1);
    expect(num(scatter, 'indexReads')).toBe(0);
  });

  test('asking one arbitrary shard for an email misses most rows', () => {
    const code = `import type { Cluster, Plan, Query } from './api';
export function planQuery(q: Query, c: Cluster): Plan {
  return { kind: 'shards', shards: [q.by === 'userId' ? c.shardOf(q.userId) : 0] };
}`;
    const r = run({ shards: 8 }, [], code);
    expect(r.diagnostics).toEqual([]);
    const email = num(r, 'emailQueries');
    expect(num(r, 'wrongAnswers')).toBeGreaterThan(email * 0.8);
    expect(r.goals.find((g) => g.id === 'complete')?.passed).toBe(false);
  });

  test('a plan outside the cluster is refused with a sentence', () => {
    const indexless = `import type { Plan } from './api';
export function planQuery(): Plan { return { kind: 'index' }; }`;
    const r1 = run({ plan: 'scatter' }, [], indexless);
    expect(r1.diagnostics.map((d) => d.message).join(' ')).toMatch(/keeps none/);
    const outside = `import type { Plan, Query, Cluster } from './api';
export function planQuery(q: Query, c: Cluster): Plan { return { kind: 'shards', shards: [c.shards] }; }`;
    const r2 = run({}, [], outside);
    expect(r2.diagnostics.map((d) => d.message).join(' ')).toMatch(/shards are 0 to 15/);
  });

  test('no writes: nothing to index, nothing stale', () => {
    const r = run({ writesPerSecond: 0 });
    expect(num(r, 'staleIndexReads')).toBe(0);
    expect(num(r, 'indexWrites')).toBe(0);
    expect(r.goals.every((g) => g.passed)).toBe(true);
  });
});
