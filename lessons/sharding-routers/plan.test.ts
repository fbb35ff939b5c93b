import { describe, expect, test } from 'vitest';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import lesson from './index';

/** The reference router with another plan (or none) in place of the reference plan. */
const withPlan = (plan: string) => lesson.code.solution.split('export function planJoin')[0] + plan;

function run(params: Record<string, string | number>, code: string): RunResult {
  return runLesson(lesson, { lessonId: lesson.id, params, code, seed: 3, faults: [] }, { trace: false });
}
const goal = (r: RunResult, id: string) => r.goals.find((g) => g.id === id)!;

/** Every chunk to the next shard round the circle: nothing stays where it was. */
const MOVE_EVERY_CHUNK = `export function planJoin(map, newShard) {
  return { chunkOwners: Array.from(map.chunkOwners, (o) => (o + 1) % (newShard + 1)) };
}`;
/** Ranges cut again into N+1 equal ones: every boundary shifts. */
const EVEN_RANGES_AGAIN = `export function planJoin(map, newShard) {
  const n = newShard + 1;
  return {
    rangeStarts: Array.from({ length: n }, (_, i) => Math.floor((i * map.keys) / n)),
    rangeOwners: Array.from({ length: n }, (_, i) => i),
  };
}`;

describe("sharding-routers: the learner's rebalancing plan", () => {
  test('a directory plan that moves every chunk fails the goal on keys moved; the reference plan meets it', () => {
    const bad = run({ router: 'directory' }, withPlan(MOVE_EVERY_CHUNK));
    expect(bad.diagnostics).toEqual([]);
    expect(bad.metrics.keysMoved).toBe(100_000);
    expect(goal(bad, 'few-moves').passed).toBe(false);
    expect(goal(bad, 'few-moves').detail).toMatch(/^100,000 of 100,000 keys moved = 100% > /);
    // Reads keep being answered while everything moves: the goal on losses is met either way.
    expect(goal(bad, 'no-loss').passed).toBe(true);

    const good = run({ router: 'directory' }, lesson.code.solution);
    expect(goal(good, 'few-moves').passed).toBe(true);
    expect(good.metrics.keysMovedFraction as number).toBeLessThan(1.5 / 17);
  });

  test("the starter's plan deals the chunks out again (about 16/17 move); ranges re-cut evenly move far more than a split", () => {
    const starter = run({ router: 'directory' }, lesson.code.starter);
    expect(starter.metrics.keysMovedFraction as number).toBeGreaterThan(0.9);
    expect(goal(starter, 'few-moves').passed).toBe(false);
    const recut = run({ router: 'range' }, withPlan(EVEN_RANGES_AGAIN));
    const split = run({ router: 'range' }, lesson.code.solution);
    expect(goal(recut, 'few-moves').passed).toBe(false);
    expect(goal(split, 'few-moves').passed).toBe(true);
    expect(recut.metrics.keysMoved as number).toBeGreaterThan(10 * (split.metrics.keysMoved as number));
  });

  test("without planJoin the cluster's own plan runs, the same as the reference plan", () => {
    for (const router of ['range', 'directory']) {
      const none = run({ router }, withPlan(''));
      const ref = run({ router }, lesson.code.solution);
      expect(none.metrics.keysMoved, router).toBe(ref.metrics.keysMoved);
    }
  });

  test('a plan that leaves keys without a shard stops the run with a sentence', () => {
    const r = run(
      { router: 'range' },
      withPlan('export function planJoin() { return { rangeStarts: [5], rangeOwners: [0] }; }'),
    );
    expect(r.diagnostics[0]?.message).toMatch(/rangeStarts\[0\] must be 0/);
    const d = run(
      { router: 'directory' },
      withPlan('export function planJoin() { return { chunkOwners: [1, 2] }; }'),
    );
    expect(d.diagnostics[0]?.message).toMatch(/one shard per chunk \(4096\)/);
  });

  test('the ring view gets each committed map, with the chunks that changed owner marked', () => {
    const r = run({ router: 'directory' }, lesson.code.solution);
    const maps = r.snapshots?.shardMap ?? [];
    expect(maps.map((s) => s.atMs)).toEqual([0, maps[1]!.atMs]);
    expect(maps[1]!.atMs).toBeGreaterThan(8000);
    const changed = maps[1]!.arrays.changed!;
    expect([...changed].reduce((a, b) => a + b, 0)).toBe(Math.floor(4096 / 17));
  });
});
