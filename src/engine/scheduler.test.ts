import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Scheduler } from './scheduler';

describe('Scheduler', () => {
  test('runs events in time order and ties in the order they were scheduled', () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.at(20, () => seen.push('b@20'));
    s.at(10, () => seen.push('a@10'));
    s.at(20, () => seen.push('c@20'));
    s.at(10, () => seen.push('d@10'));
    s.runUntil(100);
    expect(seen).toEqual(['a@10', 'd@10', 'b@20', 'c@20']);
    expect(s.now).toBe(100);
  });

  test('events scheduled while running run at their time, even at the same instant', () => {
    const s = new Scheduler();
    const seen: [string, number][] = [];
    s.at(5, () => {
      seen.push(['first', s.now]);
      s.after(0, () => seen.push(['same instant', s.now]));
      s.after(3, () => seen.push(['later', s.now]));
    });
    s.at(5, () => seen.push(['queued before', s.now]));
    s.runUntil(10);
    expect(seen).toEqual([
      ['first', 5],
      ['queued before', 5],
      ['same instant', 5],
      ['later', 8],
    ]);
  });

  test('cancelled tasks never run and are not counted', () => {
    const s = new Scheduler();
    let ran = 0;
    const t = s.at(1, () => ran++);
    s.at(2, () => ran++);
    s.cancel(t);
    s.runUntil(5);
    expect(ran).toBe(1);
    expect(s.executed).toBe(1);
  });

  test('runUntil stops at the boundary and leaves later events queued', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    for (const t of [1, 5, 10, 11]) s.at(t, () => seen.push(t));
    s.runUntil(10);
    expect(seen).toEqual([1, 5, 10]);
    expect(s.now).toBe(10);
    expect(s.peekTime()).toBe(11);
    s.runUntil(20);
    expect(seen).toEqual([1, 5, 10, 11]);
  });

  test('stop() ends a run after the current event', () => {
    const s = new Scheduler();
    const seen: number[] = [];
    s.at(1, () => seen.push(1));
    s.at(2, () => {
      seen.push(2);
      s.stop();
    });
    s.at(3, () => seen.push(3));
    s.runUntil(10);
    expect(seen).toEqual([1, 2]);
    expect(s.now).toBe(2);
  });

  test('refuses to schedule in the past', () => {
    const s = new Scheduler();
    s.at(10, () => expect(() => s.at(5, () => {})).toThrow(/cannot schedule at 5 ms/));
    s.runUntil(10);
  });

  test('property: execution order is sorted by (time, scheduling order)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const s = new Scheduler();
        const order: [number, number][] = [];
        times.forEach((t, i) => s.at(t, () => order.push([t, i])));
        s.runUntil(100);
        const sorted = [...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(order).toEqual(sorted);
        expect(order.length).toBe(times.length);
      }),
    );
  });
});
