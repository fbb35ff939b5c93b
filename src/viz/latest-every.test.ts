import { describe, expect, test } from 'vitest';
import { latestEvery, type Clock } from './latest-every';

/** A hand-driven clock: time moves only when the test says so, timers fire as it passes them. */
function manualClock() {
  let time = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 0;
  const clock: Clock = {
    now: () => time,
    later: (fn, ms) => {
      timers.push({ at: time + ms, fn, id: ++next });
      return next;
    },
    cancel: (id) => {
      timers = timers.filter((x) => x.id !== id);
    },
  };
  const advance = (ms: number) => {
    time += ms;
    for (const due of timers.filter((x) => x.at <= time)) {
      timers = timers.filter((x) => x !== due);
      due.fn();
    }
  };
  return { clock, advance };
}

describe('latestEvery', () => {
  test('the first change is written at once; an unchanged value is never rewritten', () => {
    const { clock } = manualClock();
    const written: string[] = [];
    const set = latestEvery(1000, (v) => written.push(v), 'a', clock);
    set('a');
    expect(written).toEqual([]);
    set('b');
    expect(written).toEqual(['b']);
  });

  test('sixty changes a second are written once a second, ending with the last value', () => {
    const { clock, advance } = manualClock();
    const written: string[] = [];
    const set = latestEvery(1000, (v) => written.push(v), '', clock);
    for (let f = 0; f < 120; f++) {
      set(`t=${f}`);
      advance(1000 / 60);
    }
    advance(1000);
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThanOrEqual(3);
    expect(written.at(-1)).toBe('t=119');
  });

  test('cancel drops a held-back value', () => {
    const { clock, advance } = manualClock();
    const written: string[] = [];
    const set = latestEvery(1000, (v) => written.push(v), '', clock);
    set('x');
    set('y');
    set.cancel();
    advance(2000);
    expect(written).toEqual(['x']);
  });

  test('force writes at once, even inside the interval, and a held-back value is dropped', () => {
    const { clock, advance } = manualClock();
    const written: string[] = [];
    const set = latestEvery(1000, (v) => written.push(v), '', clock);
    set('x');
    set('y');
    set.force('z');
    set.force('z');
    advance(2000);
    expect(written).toEqual(['x', 'z']);
  });
});
