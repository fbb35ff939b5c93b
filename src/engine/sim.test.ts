import { assign, createMachine } from 'xstate';
import { describe, expect, test } from 'vitest';
import { Simulation, stateName } from './sim';
import { sink } from './test-kit';
import { EventKind } from './trace';

const counter = createMachine({
  id: 'counter',
  initial: 'fresh',
  context: { n: 0 },
  states: {
    fresh: { on: { BUMP: { target: 'counted', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
    counted: { on: { BUMP: { actions: assign({ n: ({ context }) => context.n + 1 }) } } },
  },
});

describe('Simulation faults', () => {
  test('scheduled crash and restart: down in between, fresh state after', () => {
    const sim = new Simulation({ seed: 1 });
    const c = sim.spawn('c', 'counter', counter);
    const src = sim.spawn('src', 'source', sink);
    sim.net.configure(src, c, { latencyMs: 1 });
    for (const t of [10, 30, 60]) sim.scheduler.at(t, () => sim.send(src, c, { type: 'BUMP' }));
    sim.scheduleFaults([
      { at: 20, kind: 'crash', actor: 'c' },
      { at: 50, kind: 'restart', actor: 'c' },
    ]);
    sim.scheduler.at(25, () => expect(sim.isUp(c)).toBe(false));
    sim.run(100);
    const ctx = sim.ref(c)!.getSnapshot().context as { n: number };
    expect(ctx.n).toBe(1); // only the bump after the restart counts: memory was lost
    const tr = sim.trace.toData();
    const states: [number, string][] = [];
    for (let i = 0; i < tr.length; i++) {
      if (tr.kind[i] === EventKind.State && tr.a[i] === c) states.push([tr.t[i]!, tr.strings[tr.c[i]!]!]);
    }
    expect(states).toEqual([
      [0, 'fresh'],
      [11, 'counted'],
      [20, 'down'],
      [50, 'fresh'],
      [61, 'counted'],
    ]);
    const faults = [...tr.kind].filter((k) => k === EventKind.Fault).length;
    expect(faults).toBe(2);
  });

  test('partition and heal faults cut and restore a link', () => {
    const sim = new Simulation({ seed: 1 });
    const a = sim.spawn('a', 'n', sink);
    const b = sim.spawn('b', 'n', sink);
    sim.scheduleFaults([
      { at: 10, kind: 'partition', a: 'a', b: 'b' },
      { at: 20, kind: 'heal', a: 'a', b: 'b' },
    ]);
    const seen: boolean[] = [];
    for (const t of [5, 15, 25])
      sim.scheduler.at(t, () => seen.push(sim.net.isPartitioned(a, b) || sim.net.isPartitioned(b, a)));
    sim.run(30);
    expect(seen).toEqual([false, true, false]);
  });

  test('a fault may name an actor spawned later; an unknown name stops the run with the valid names', () => {
    const sim = new Simulation({ seed: 1 });
    sim.spawn('server', 'n', sink);
    sim.scheduler.at(5, () => sim.spawn('late', 'n', sink));
    sim.scheduleFaults([{ at: 10, kind: 'crash', actor: 'late' }]);
    sim.run(20);
    expect(sim.failure).toBeUndefined();
    expect(sim.isUp(sim.id('late'))).toBe(false);
    const bad = new Simulation({ seed: 1 });
    bad.spawn('server', 'n', sink);
    bad.scheduleFaults([{ at: 1, kind: 'crash', actor: 'srv' }]);
    bad.run(10);
    expect(String(bad.failure)).toMatch(/fault "crash srv" at 1 ms names no actor "srv"; actors: server/);
  });

  test('an error thrown by a machine action stops the run and is kept', () => {
    const boom = createMachine({
      id: 'boom',
      on: {
        GO: {
          actions: () => {
            throw new Error('kaput');
          },
        },
      },
    });
    const sim = new Simulation({ seed: 1 });
    const b = sim.spawn('b', 'boom', boom);
    const s = sim.spawn('s', 'n', sink);
    sim.scheduler.at(5, () => sim.send(s, b, { type: 'GO' }));
    sim.scheduler.at(500, () => {
      throw new Error('should not run');
    });
    sim.run(1000);
    expect(String(sim.failure)).toMatch(/kaput/);
    expect(sim.now).toBeLessThan(500);
  });

  test('stateName flattens nested state values', () => {
    expect(stateName('idle')).toBe('idle');
    expect(stateName({ busy: 'sending' })).toBe('busy.sending');
    expect(stateName({ a: 'x', b: { c: 'y' } })).toBe('a.x,b.c.y');
  });
});
