import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Simulation } from '../../engine/sim';
import { mmc } from '../theory/queueing';
import { poisson } from '../workloads/arrivals';
import { MessageQueue, type QueueConfig, type Received } from './queue';

function setup(config: Partial<QueueConfig> = {}, seed = 1) {
  const sim = new Simulation({ seed, trace: false });
  const q = new MessageQueue<string>(sim, { visibilityTimeoutMs: 1000, maxReceiveCount: 0, ...config });
  return { sim, q };
}

/**
 * c consumers that long-poll, process for an exponential time and delete: the M/M/c
 * queue when arrivals are Poisson. `crashAt` (optional) kills consumer 0 mid-message.
 */
function consumers(
  sim: Simulation,
  q: MessageQueue<number>,
  c: number,
  meanServiceMs: number,
  done: (r: Received<number>) => void,
) {
  const rng = sim.rng.fork('service');
  const busy = { ms: 0 };
  const loop = () =>
    q.wait((r) => {
      const s = rng.exponential(meanServiceMs);
      busy.ms += s;
      sim.scheduler.after(s, () => {
        q.delete(r);
        done(r);
        loop();
      });
    });
  for (let i = 0; i < c; i++) loop();
  return busy;
}

describe('message queue (SQS standard model)', () => {
  test('without faults nothing is lost or duplicated, whatever the seed and load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.double({ min: 1, max: 200, noNaN: true }),
        (seed, c, rate) => {
          const sim = new Simulation({ seed, trace: false });
          const q = new MessageQueue<number>(sim, { visibilityTimeoutMs: 3_600_000, maxReceiveCount: 5 });
          const processed = new Map<number, number>();
          consumers(sim, q, c, 20, (r) => processed.set(r.id, (processed.get(r.id) ?? 0) + 1));
          const stop = poisson(sim.scheduler, sim.rng.fork('arrivals'), rate, () => q.send(0));
          sim.scheduler.at(10_000, stop);
          sim.run(120_000);
          expect(processed.size).toBe(q.sent);
          for (const n of processed.values()) expect(n).toBe(1);
          expect(sim.metrics.count('redeliveries')).toBe(0);
          expect(q.visible + q.inFlight).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });

  test('an unacked message reappears exactly at the visibility timeout, with a new receipt', () => {
    const { sim, q } = setup({ visibilityTimeoutMs: 1000 });
    q.send('a');
    const log: unknown[] = [];
    sim.scheduler.at(100, () => {
      const first = q.tryReceive()!;
      log.push(first.receiveCount, q.tryReceive()); // invisible to everyone else
      sim.scheduler.at(1099.999, () => log.push(q.visible));
      // Scheduled after the receive, so it runs after the timeout at the same instant.
      sim.scheduler.at(1100, () => {
        const again = q.tryReceive()!;
        log.push(again.receiveCount, sim.now);
        // The first consumer's late delete names an outdated receipt: nothing is deleted.
        log.push(q.delete({ id: again.id, receipt: again.receipt - 1 }), q.delete(again));
      });
    });
    sim.run(5000);
    expect(sim.failure).toBeUndefined();
    expect(log).toEqual([1, undefined, 0, 2, 1100, false, true]);
    expect(sim.metrics.count('visibilityExpiries')).toBe(1);
    expect(sim.metrics.count('staleDeletes')).toBe(1);
    expect(q.stateOf(0)).toBe('deleted');
  });

  test('a delete after the timeout still works if no one received the message again', () => {
    const { sim, q } = setup({ visibilityTimeoutMs: 100 });
    q.send('a');
    const r = q.tryReceive()!;
    sim.scheduler.at(500, () => expect(q.delete(r)).toBe(true));
    sim.run(1000);
    expect(q.visible).toBe(0);
    expect(q.tryReceive()).toBeUndefined();
  });

  test('after maxReceiveCount receives without a delete the message moves to the dead-letter queue', () => {
    const { sim, q } = setup({ visibilityTimeoutMs: 100, maxReceiveCount: 3 });
    q.send('poison');
    const counts: number[] = [];
    const loop = () => q.wait((r) => (counts.push(r.receiveCount), sim.scheduler.after(150, loop)));
    loop();
    sim.run(10_000);
    expect(counts).toEqual([1, 2, 3]);
    expect(q.stateOf(0)).toBe('deadLettered');
    expect(q.deadLetters).toEqual([0]);
    expect(sim.metrics.gauge('deadLetterDepth')).toBe(1);
    expect(sim.metrics.count('deadLettered')).toBe(1);
  });

  test('queue depth counts visible plus in-flight messages; a delete or a dead-letter takes one off', () => {
    const { sim, q } = setup({ visibilityTimeoutMs: 100, maxReceiveCount: 2 });
    q.send('a');
    q.send('b');
    q.send('c');
    expect(sim.metrics.gauge('queueDepth')).toBe(3);
    const a = q.tryReceive()!;
    expect(sim.metrics.gauge('queueDepth')).toBe(3);
    expect(q.visible + q.inFlight).toBe(3);
    q.delete(a);
    expect(sim.metrics.gauge('queueDepth')).toBe(2);
    // 'b' is received twice and never deleted: after its second timeout it is dead-lettered.
    q.tryReceive();
    sim.run(150);
    q.tryReceive(); // 'c'
    q.tryReceive(); // 'b' again
    sim.run(400);
    expect(q.stateOf(1)).toBe('deadLettered');
    expect(sim.metrics.gauge('queueDepth')).toBe(q.visible + q.inFlight);
    expect(sim.metrics.gauge('queueDepth')).toBe(1);
    expect(sim.metrics.gaugeMax('queueDepth')).toBe(3);
  });

  test('changing visibility extends the timeout from the call; 0 gives the message back', () => {
    const { sim, q } = setup({ visibilityTimeoutMs: 1000 });
    q.send('a');
    const r = q.tryReceive()!;
    const log: unknown[] = [];
    sim.scheduler.at(900, () => {
      log.push(q.changeVisibility(r, 1000));
      sim.scheduler.at(1899.999, () => log.push(q.visible));
      sim.scheduler.at(1900, () => log.push(q.visible));
    });
    sim.run(1950);
    expect(log).toEqual([true, 0, 1]);
    const r2 = q.tryReceive()!;
    expect(r2.receiveCount).toBe(2);
    expect(q.changeVisibility(r, 10)).toBe(false); // outdated receipt
    expect(q.changeVisibility(r2, 43_200_001)).toBe(false); // past 12 h
    expect(q.changeVisibility(r2, 0)).toBe(true);
    expect(q.visible).toBe(1);
  });

  test('long polling: a waiting receive gets the next message at once, or ends empty after its wait', () => {
    const { sim, q } = setup();
    const got: string[] = [];
    q.wait((r) => got.push(`${r.body}@${sim.now}`));
    let empty = -1;
    q.wait(
      () => got.push('never'),
      200,
      () => (empty = sim.now),
    );
    sim.scheduler.at(50, () => q.send('x'));
    sim.run(1000);
    expect(got).toEqual(['x@50']);
    expect(empty).toBe(200);
  });

  test('same seed, same trace', () => {
    const run = (seed: number) => {
      const sim = new Simulation({ seed });
      const q = new MessageQueue<number>(sim, { visibilityTimeoutMs: 200, maxReceiveCount: 4 });
      consumers(sim, q, 3, 150, () => {});
      poisson(sim.scheduler, sim.rng.fork('arrivals'), 25, () => q.send(0));
      sim.run(20_000);
      return sim.trace.toData();
    };
    const [a, b, c] = [run(5), run(5), run(6)];
    expect(Buffer.from(a.t.buffer).equals(Buffer.from(b.t.buffer))).toBe(true);
    expect(Buffer.from(a.v.buffer).equals(Buffer.from(b.v.buffer))).toBe(true);
    expect(a.length).not.toBe(c.length);
  });
});

describe('agreement with M/M/c theory (Erlang C)', () => {
  // λ = 8/s, mean service 1 s: the facts sheet's worked example (10 workers: ρ = 0.8,
  // P(wait) = 0.41, Wq ≈ 0.20 s) and two neighbours. 20,000 s of virtual time per seed
  // (≈ 160,000 messages), the first 1,000 s left out as warm-up.
  const TOLERANCE = { meanWait: 0.1, pWait: 0.02, utilization: 0.02 };
  test.each([10, 12])('c = %i: mean wait and P(wait) within tolerance over 4 seeds', (c) => {
    const theory = mmc(8, c, 1000);
    for (const seed of [1, 2, 3, 4]) {
      const sim = new Simulation({ seed, trace: false });
      const q = new MessageQueue<number>(sim, { visibilityTimeoutMs: MAX, maxReceiveCount: 0 });
      let waited = 0;
      let n = 0;
      let sumWait = 0;
      const busy = consumers(sim, q, c, 1000, () => {});
      const horizon = HORIZON_MS;
      poisson(sim.scheduler, sim.rng.fork('arrivals'), 8, () => q.send(0));
      sim.run(horizon);
      const waits = sim.metrics.series()['queueWaitMs']!;
      for (let i = 0; i < waits.value.length; i++) {
        if ((waits.t[i] as number) < 1_000_000) continue;
        const w = waits.value[i] as number;
        n++;
        sumWait += w;
        if (w > 0) waited++;
      }
      const meanWait = sumWait / n;
      expect(
        Math.abs(meanWait - theory.meanWaitMs) / theory.meanWaitMs,
        `mean wait seed ${seed}`,
      ).toBeLessThan(TOLERANCE.meanWait);
      expect(Math.abs(waited / n - theory.probabilityOfWait), `P(wait) seed ${seed}`).toBeLessThan(
        TOLERANCE.pWait,
      );
      expect(Math.abs(busy.ms / (c * horizon) - theory.utilization)).toBeLessThan(TOLERANCE.utilization);
    }
  });
});

const MAX = 43_200_000;
const HORIZON_MS = 20_000_000;
