import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { defaultParams } from '../../src/lesson/params';
import { runLesson } from '../../src/lesson/run';
import { read } from './goals';
import lesson from './index';
import type { MessageStreamParams } from './params';
import { partitionShares } from './theory';

const QUIET: Partial<MessageStreamParams> = { crashAtMs: 0, replayAtMs: 0, durationMs: 40_000 };

function run(
  params: Partial<MessageStreamParams>,
  code = lesson.code.solution,
  faults: Fault[] = [],
  seed = 3,
) {
  const r = runLesson(
    lesson,
    { lessonId: lesson.id, params: params as Record<string, number>, code, seed, faults },
    { trace: false },
  );
  return { r, m: read(r) };
}

describe('message stream', () => {
  test('keyed partitioning keeps each author in order; round-robin does not', () => {
    const keyed = run(QUIET).m;
    expect(keyed.count('orderingViolations')).toBe(0);
    expect(keyed.count('processed', 'blog')).toBeGreaterThan(1000);
    const roundRobin = run(QUIET, lesson.code.starter).m;
    expect(roundRobin.count('orderingViolations', 'blog')).toBeGreaterThan(0);
    // Round-robin spreads records evenly: every partition within one record of the others.
    const counts = [0, 1, 2, 3].map((i) => roundRobin.count('records', `p${i}` as 'p0'));
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  test('one hot author makes its partition hot, as the Zipf shares predict', () => {
    const p = { ...QUIET, keySkew: 1.5, keys: 50, durationMs: 60_000 };
    const { m } = run(p);
    const shares = partitionShares({ ...defaultParams(lesson.params), ...p } as MessageStreamParams);
    expect(m.count('hotPartitionShare')).toBeCloseTo(Math.max(...shares), 1);
    expect(Math.max(...shares)).toBeGreaterThan(0.5);
  });

  test('consumers beyond the partition count sit idle and add no throughput', () => {
    const base = { ...QUIET, recordsPerSecond: 100, processingMs: 50, partitions: 2, keySkew: 0 };
    const two = run({ ...base, consumers: 2 }).m;
    const five = run({ ...base, consumers: 5 }).m;
    expect(two.count('idleConsumers')).toBe(0);
    expect(five.count('idleConsumers')).toBe(6);
    // Two busy consumers finish at most 2 × 20 records a second, however many wait beside them.
    expect(two.count('throughputPerSecond')).toBeLessThan(42);
    expect(Math.abs(five.count('throughputPerSecond') - two.count('throughputPerSecond'))).toBeLessThan(3);
  });

  test('a crash rebalances only its own group, which catches up after the restart and redoes uncommitted work', () => {
    const { m } = run({ crashAtMs: 30_000, durationMs: 90_000 });
    expect(m.count('rebalances', 'search')).toBe(2);
    expect(m.count('rebalances', 'blog')).toBe(0);
    expect(m.count('consumerCrashes')).toBe(1);
    expect(m.peak('groupLag', 'search')).toBeGreaterThan(3 * m.count('steadyLagPeak'));
    expect(m.count('lagAtEnd', 'search')).toBeLessThan(50);
    expect(m.count('recordsExpiredUnread')).toBe(0);
    // Records the dead consumer processed after its last commit are processed again by the new owner.
    expect(m.count('duplicates', 'search')).toBeGreaterThan(0);
    expect(m.count('duplicates', 'blog')).toBe(0);
  });

  test('a consumer crashed from the fault panel is evicted after the session timeout', () => {
    const faults: Fault[] = [{ at: 10_000, kind: 'crash', actor: 'blog-2' }];
    const { m } = run({ ...QUIET, durationMs: 19_000 }, lesson.code.solution, faults);
    // The coordinator waits a full session timeout (10 s) after the last heartbeat: no rebalance by 19 s.
    expect(m.count('rebalances', 'blog')).toBe(0);
    const later = run({ ...QUIET, durationMs: 30_000 }, lesson.code.solution, faults).m;
    expect(later.count('rebalances', 'blog')).toBe(1);
  });

  test('retention deletes records read or not; a group behind the log start loses them', () => {
    const { m } = run({ retentionMs: 5000, crashAtMs: 20_000, durationMs: 60_000 });
    expect(m.count('recordsExpiredUnread')).toBeGreaterThan(0);
    expect(m.peak('logStart', 'p0')).toBeGreaterThan(0);
    const kept = run({ ...QUIET, retentionMs: 600_000 }).m;
    expect(kept.peak('logStart', 'p0')).toBe(0);
  });

  test('a rewind replays what is kept, without counting it as new or as out of order', () => {
    const { m } = run({ ...QUIET, replayAtMs: 30_000, retentionMs: 600_000, durationMs: 90_000, keySkew: 0 });
    // About 30 s × 40 records/s were kept and read once when the group rewound; it reads them all again and catches up.
    expect(m.count('recordsReplayed')).toBeGreaterThan(0.85 * 30 * 40);
    expect(m.count('lagAtEnd', 'blog')).toBeLessThan(50);
    expect(m.count('processed', 'blog')).toBeLessThanOrEqual(m.count('recordsProduced'));
    expect(m.count('orderingViolations')).toBe(0);
  });

  test("the learner's mistakes are named: a partition out of range, a partition given twice", () => {
    const bad = lesson.code.solution.replace(
      'return record.hash(record.key) % partitions;',
      'return partitions;',
    );
    expect(run(QUIET, bad).r.diagnostics[0]?.message).toMatch(
      /partition must return a whole number from 0 to 3/,
    );
    const twice = lesson.code.starter.replace(
      'return members.map((_, i) => (i < partitions ? [i] : []));',
      'return members.map(() => [0]);',
    );
    expect(run(QUIET, twice).r.diagnostics[0]?.message).toMatch(/gave partition 0 to two members/);
  });

  test('a member cut off from its coordinator is evicted, its partitions move, and it rejoins when the link heals', () => {
    const faults: Fault[] = [
      { at: 10_000, kind: 'partition', a: 'search-2', b: 'coordinator-search' },
      { at: 30_000, kind: 'heal', a: 'search-2', b: 'coordinator-search' },
    ];
    const { r, m } = run({ ...QUIET, durationMs: 60_000 }, lesson.code.solution, faults);
    expect(r.diagnostics).toEqual([]);
    // Evicted after the session timeout, then back in after the heal: two rebalances, no crash.
    expect(m.count('rebalances', 'search')).toBe(2);
    expect(m.count('consumerCrashes')).toBe(0);
    expect(m.count('orderingViolations')).toBe(0);
    expect(m.count('lagAtEnd', 'search')).toBeLessThan(50);
  });
});
