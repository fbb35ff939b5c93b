import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../engine/sim';
import { AppendLog } from './append-log';
import { startRetention } from './retention';

describe('AppendLog', () => {
  test('offsets are sequential from 0 and survive deletion of the front', () => {
    const log = new AppendLog<string>();
    expect(log.append('a', 0)).toBe(0);
    expect(log.append('b', 5)).toBe(1);
    expect(log.append('c', 9)).toBe(2);
    expect(log.deleteBefore(2).map((r) => r.value)).toEqual(['a', 'b']);
    expect(log.startOffset).toBe(2);
    expect(log.endOffset).toBe(3);
    expect(log.get(1)).toBeUndefined();
    expect(log.get(2)?.value).toBe('c');
    expect(log.append('d', 10)).toBe(3);
    expect(log.read(0).map((r) => r.offset)).toEqual([2, 3]);
    expect(log.lag(0)).toBe(2);
    expect(log.lag(3)).toBe(1);
    expect(log.lag(9)).toBe(0);
  });

  test('expire deletes by age, read or not, and truncateFrom drops a suffix', () => {
    const log = new AppendLog<number>();
    for (let t = 0; t < 10; t++) log.append(t, t * 100);
    expect(log.expire(450).length).toBe(5);
    expect(log.startOffset).toBe(5);
    expect(log.truncateFrom(8).map((r) => r.offset)).toEqual([8, 9]);
    expect(log.endOffset).toBe(8);
    expect(log.append(99, 1000)).toBe(8);
    expect(() => log.truncateFrom(2)).toThrow(/log start offset 5/);
  });

  test('any mix of appends, deletions and truncations keeps get/read consistent with a plain model', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('append' as const), n: fc.integer({ min: 1, max: 3000 }) }),
      fc.record({ k: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 5000 }) }),
      fc.record({ k: fc.constant('truncate' as const), n: fc.integer({ min: 0, max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        const log = new AppendLog<number>();
        const model = new Map<number, number>();
        let start = 0;
        let end = 0;
        for (const o of ops) {
          if (o.k === 'append') for (let i = 0; i < o.n; i++) model.set(log.append(end * 7, 0), end++ * 7);
          else if (o.k === 'delete') {
            const to = Math.min(o.n, end);
            for (let x = start; x < to; x++) model.delete(x);
            log.deleteBefore(o.n);
            start = Math.max(start, to);
          } else {
            const from = Math.max(start, end - o.n);
            for (let x = from; x < end; x++) model.delete(x);
            log.truncateFrom(from);
            end = from;
          }
          expect(log.startOffset).toBe(start);
          expect(log.endOffset).toBe(end);
        }
        for (let x = Math.max(0, start - 2); x < end + 2; x++) expect(log.get(x)?.value).toBe(model.get(x));
        expect(log.read(0).map((r) => r.value)).toEqual([...model.values()]);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('startRetention', () => {
  test('deletes records older than retention at each check, counting what goes', () => {
    const sim = new Simulation({ seed: 1, trace: false });
    const log = new AppendLog<number>();
    for (let t = 0; t < 100; t++) sim.scheduler.at(t * 1000, () => log.append(t, sim.now));
    const deleted: number[] = [];
    startRetention(sim, [log], {
      retentionMs: 30_000,
      checkIntervalMs: 10_000,
      onDelete: (rs) => deleted.push(...rs.map((r) => r.offset)),
    });
    sim.scheduler.runUntil(60_000);
    // At the check at 60 s everything appended before 30 s is gone: offsets 0..29.
    expect(log.startOffset).toBe(30);
    expect(deleted).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
