import { describe, expect, test } from 'vitest';
import { createMachine } from 'xstate';
import { Simulation } from '../../engine/sim';
import { toneOf } from '../../engine/trace';
import { hop } from './hop';

const idle = createMachine({ id: 'idle', initial: 'on', states: { on: {} } });

function pair(latencyMs: number) {
  const sim = new Simulation({ seed: 1 });
  sim.net.defaults = { latencyMs, jitterMs: 0, loss: 0 };
  const a = sim.spawn('a', 'node', idle);
  const b = sim.spawn('b', 'node', idle);
  return { sim, a, b };
}

describe('hop', () => {
  test('arrives after the link latency times its slow-down factor', () => {
    const { sim, a, b } = pair(10);
    const got: number[] = [];
    hop(sim, a, b, () => got.push(sim.now));
    sim.net.setSlow(a, b, 3);
    hop(sim, a, b, () => got.push(sim.now));
    sim.run(100);
    expect(got).toEqual([10, 30]);
  });

  test('keeps FIFO order with a drawn copy on the same link', () => {
    const { sim, a, b } = pair(10);
    const got: string[] = [];
    sim.net.setSlow(a, b, 5);
    hop(sim, a, b, () => got.push('first'), { draw: 'first' });
    sim.net.setSlow(a, b, 1);
    hop(sim, a, b, () => got.push('second'));
    sim.run(100);
    expect(got).toEqual(['first', 'second']);
    expect(sim.trace.strings).toContain('first');
  });

  test('a drawn copy carries its tone into the trace', () => {
    const { sim, a, b } = pair(10);
    hop(sim, a, b, () => {}, { draw: 'v7 (stale)', tone: 'warn' });
    hop(sim, a, b, () => {}, { draw: 'v8' });
    sim.run(100);
    const data = sim.trace.toData();
    expect(toneOf(data, data.strings.indexOf('v7 (stale)'))).toBe('warn');
    expect(toneOf(data, data.strings.indexOf('v8'))).toBeUndefined();
  });

  test('is dropped by a partition or a destination that is down on arrival', () => {
    const { sim, a, b } = pair(10);
    const why: string[] = [];
    let arrived = 0;
    sim.net.setPartitioned(a, b, true);
    hop(sim, a, b, () => arrived++, { onDrop: (w) => why.push(w) });
    sim.net.setPartitioned(a, b, false);
    hop(sim, a, b, () => arrived++, { onDrop: (w) => why.push(w) });
    sim.scheduler.at(5, () => sim.crash(b));
    sim.run(100);
    expect(arrived).toBe(0);
    expect(why).toEqual(['partition', 'down']);
  });
});
