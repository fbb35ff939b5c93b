import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Simulation } from './sim';
import { sink } from './test-kit';
import { EventKind, type TraceData } from './trace';

function twoActors(seed = 1) {
  const sim = new Simulation({ seed });
  const a = sim.spawn('a', 'node', sink);
  const b = sim.spawn('b', 'node', sink);
  return { sim, a, b };
}

/** Message id -> time of its Send/Deliver/Drop rows. */
function fates(trace: TraceData) {
  const sent = new Map<number, number>();
  const delivered = new Map<number, number>();
  const dropped = new Map<number, [number, string]>();
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i];
    const id = trace.v[i] as number;
    if (k === EventKind.Send) sent.set(id, trace.t[i] as number);
    if (k === EventKind.Deliver) delivered.set(id, trace.t[i] as number);
    if (k === EventKind.Drop)
      dropped.set(id, [trace.t[i] as number, trace.strings[trace.c[i] as number] as string]);
  }
  return { sent, delivered, dropped };
}

describe('Network', () => {
  test('delivers after the link latency and records send and delivery', () => {
    const { sim, a, b } = twoActors();
    sim.net.configure(a, b, { latencyMs: 40 });
    sim.scheduler.at(10, () => sim.send(a, b, { type: 'PING' }));
    sim.run(100);
    const f = fates(sim.trace.toData());
    expect([...f.sent.values()]).toEqual([10]);
    expect([...f.delivered.values()]).toEqual([50]);
  });

  test('links are FIFO even with jitter, like one TCP connection', () => {
    const { sim, a, b } = twoActors(3);
    sim.net.configure(a, b, { latencyMs: 10, jitterMs: 50 });
    for (let i = 0; i < 50; i++) sim.scheduler.at(i, () => sim.send(a, b, { type: 'M' }));
    sim.run(1000);
    const f = fates(sim.trace.toData());
    const arrivals = [...f.delivered.entries()].sort((x, y) => x[0] - y[0]).map(([, t]) => t);
    expect(arrivals).toEqual([...arrivals].sort((x, y) => x - y));
  });

  test('a partition drops messages sent across it and messages in flight when it starts', () => {
    const { sim, a, b } = twoActors();
    sim.net.configure(a, b, { latencyMs: 100 });
    sim.scheduler.at(0, () => sim.send(a, b, { type: 'IN_FLIGHT' }));
    sim.scheduler.at(50, () => sim.net.setPartitioned(a, b, true));
    sim.scheduler.at(60, () => sim.send(a, b, { type: 'DURING' }));
    sim.scheduler.at(200, () => sim.net.setPartitioned(a, b, false));
    sim.scheduler.at(210, () => sim.send(a, b, { type: 'AFTER' }));
    sim.run(1000);
    const f = fates(sim.trace.toData());
    expect(f.dropped.get(0)).toEqual([100, 'partition']);
    expect(f.dropped.get(1)).toEqual([60, 'partition']);
    expect(f.delivered.get(2)).toBe(310);
  });

  test('loss drops about the configured fraction, reproducibly', () => {
    const run = () => {
      const { sim, a, b } = twoActors(9);
      sim.net.configure(a, b, { latencyMs: 1, loss: 0.2 });
      for (let i = 0; i < 5000; i++) sim.scheduler.at(i, () => sim.send(a, b, { type: 'M' }));
      sim.run(10_000);
      return fates(sim.trace.toData()).dropped.size;
    };
    const lost = run();
    expect(lost / 5000).toBeGreaterThan(0.18);
    expect(lost / 5000).toBeLessThan(0.22);
    expect(run()).toBe(lost);
  });

  test('a message to a crashed actor is dropped on arrival', () => {
    const { sim, a, b } = twoActors();
    sim.net.configure(a, b, { latencyMs: 10 });
    sim.scheduler.at(0, () => sim.send(a, b, { type: 'M' }));
    sim.scheduler.at(5, () => sim.crash(b));
    sim.run(100);
    expect(fates(sim.trace.toData()).dropped.get(0)).toEqual([10, 'destination down']);
  });

  test('property: nothing arrives before it was sent plus latency, nothing crosses a partition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), fromA: fc.boolean() }), { maxLength: 60 }),
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 500 }), cut: fc.boolean() }), { maxLength: 6 }),
        fc.integer({ min: 1, max: 80 }),
        (sends, cuts, latencyMs) => {
          const { sim, a, b } = twoActors(5);
          sim.net.configure(a, b, { latencyMs, jitterMs: 20 });
          const cutAt: [number, boolean][] = [];
          for (const c of cuts)
            sim.scheduler.at(c.at, () => {
              sim.net.setPartitioned(a, b, c.cut);
              cutAt.push([sim.now, c.cut]);
            });
          for (const s of sends)
            sim.scheduler.at(s.at, () =>
              s.fromA ? sim.send(a, b, { type: 'M' }) : sim.send(b, a, { type: 'M' }),
            );
          sim.run(2000);
          const partitionedAt = (t: number) => {
            let p = false;
            for (const [ct, cut] of cutAt) if (ct <= t) p = cut;
            return p;
          };
          const f = fates(sim.trace.toData());
          for (const [id, t] of f.delivered) {
            const sentAt = f.sent.get(id)!;
            expect(t).toBeGreaterThanOrEqual(sentAt + latencyMs);
            expect(partitionedAt(sentAt)).toBe(false);
          }
          expect(f.delivered.size + f.dropped.size).toBe(f.sent.size);
        },
      ),
      { numRuns: 60 },
    );
  });
});
