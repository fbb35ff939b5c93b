import { createActor, createMachine } from 'xstate';
import { expect, test } from 'vitest';
import { virtualClock } from './clock';
import { Scheduler } from './scheduler';

const blinker = createMachine({
  id: 'blinker',
  initial: 'off',
  states: {
    off: { after: { 300: 'on' } },
    on: { after: { 200: 'off' }, on: { HOLD: 'held' } },
    held: {},
  },
});

test("xstate 'after' delays run on virtual time, not wall time", () => {
  const s = new Scheduler();
  const actor = createActor(blinker, { clock: virtualClock(s) }).start();
  const at = (t: number) => {
    s.runUntil(t);
    return actor.getSnapshot().value;
  };
  expect(at(299)).toBe('off');
  expect(at(300)).toBe('on');
  expect(at(499)).toBe('on');
  expect(at(500)).toBe('off');
  expect(at(800)).toBe('on');
});

test('leaving a state cancels its pending delayed transition', () => {
  const s = new Scheduler();
  const actor = createActor(blinker, { clock: virtualClock(s) }).start();
  s.runUntil(350);
  actor.send({ type: 'HOLD' });
  s.runUntil(10_000);
  expect(actor.getSnapshot().value).toBe('held');
  expect(s.peekTime()).toBe(Infinity);
});

test('a stopped actor leaves no live timers behind', () => {
  const s = new Scheduler();
  const actor = createActor(blinker, { clock: virtualClock(s) }).start();
  actor.stop();
  expect(s.peekTime()).toBe(Infinity);
});
