import { describe, expect, test } from 'vitest';
import { Simulation } from '../../engine/sim';
import { mmc } from '../theory/queueing';
import { poisson } from '../workloads/arrivals';
import { Station } from './station';

/** Poisson arrivals at `rate`/s into a station of c servers with exponential service of mean `meanMs`. */
function mmcRun(seed: number, rate: number, c: number, meanMs: number, durationMs: number) {
  const sim = new Simulation({ seed, trace: false });
  const service = sim.rng.fork('service');
  let waited = 0;
  let inSystem = 0;
  let done = 0;
  const st = new Station<number>(sim, {
    servers: c,
    serviceMs: () => service.exponential(meanMs),
    onDone: (_j, w, s) => {
      waited += w;
      inSystem += w + s;
      done++;
    },
  });
  let arrivals = 0;
  poisson(sim.scheduler, sim.rng.fork('arrivals'), rate, () => {
    arrivals++;
    st.submit(arrivals);
  });
  sim.scheduler.runUntil(durationMs);
  return { st, meanWait: waited / done, meanInSystem: inSystem / done, done, arrivals, durationMs };
}

describe('Station', () => {
  test('serves FIFO with c servers', () => {
    const sim = new Simulation({ seed: 1, trace: false });
    const order: string[] = [];
    const st = new Station<string>(sim, {
      servers: 2,
      serviceMs: () => 10,
      onDone: (j, waited) => order.push(`${j}@${sim.now}+${waited}`),
    });
    for (const j of ['a', 'b', 'c', 'd', 'e']) st.submit(j);
    expect(st.busy).toBe(2);
    expect(st.queued).toBe(3);
    sim.scheduler.runUntil(100);
    expect(order).toEqual(['a@10+0', 'b@10+0', 'c@20+10', 'd@20+10', 'e@30+20']);
  });

  test('queue limit rejects, failure loses everything, recovery serves again', () => {
    const sim = new Simulation({ seed: 1, trace: false });
    const st = new Station<number>(sim, { servers: 1, queueLimit: 2, serviceMs: () => 10, onDone: () => {} });
    expect([1, 2, 3, 4].map((j) => st.submit(j))).toEqual([undefined, undefined, undefined, 'full']);
    expect(st.fail()).toEqual([1, 2, 3]);
    expect(st.submit(5)).toBe('down');
    st.recover();
    expect(st.submit(6)).toBeUndefined();
    sim.scheduler.runUntil(100);
    expect(st.completed).toBe(1);
    expect(st.rejected).toBe(2);
  });

  test('fewer servers let jobs in service finish; more start waiting jobs at once', () => {
    const sim = new Simulation({ seed: 1, trace: false });
    const st = new Station<number>(sim, { servers: 2, serviceMs: () => 10, onDone: () => {} });
    for (let j = 0; j < 4; j++) st.submit(j);
    st.setServers(0);
    expect(st.busy).toBe(2);
    sim.scheduler.runUntil(50);
    expect(st.completed).toBe(2);
    expect(st.queued).toBe(2);
    st.setServers(3);
    expect(st.busy).toBe(2);
  });

  test.each([
    [1, 1, 0.7],
    [4, 4, 0.85],
  ])('M/M/%i agrees with Erlang C and Little over seeds (c=%i, ρ=%f)', (c, _c, rho) => {
    const meanMs = 20;
    const rate = (rho * c * 1000) / meanMs;
    const theory = mmc(rate, c, meanMs);
    for (const seed of [1, 2, 3]) {
      const r = mmcRun(seed, rate, c, meanMs, 2_000_000);
      // Mean wait within 15% of Erlang C's (correlated samples: the wait's standard error is wide near ρ = 1).
      expect(Math.abs(r.meanWait - theory.meanWaitMs) / theory.meanWaitMs).toBeLessThan(0.15);
      // Utilisation = busy time / (c · time) ≈ ρ.
      expect(r.st.busyMs() / (c * r.durationMs)).toBeCloseTo(rho, 1);
      // Little: mean number waiting = area / time ≈ λ · mean wait measured in the same run.
      const lq = r.st.queueMs() / r.durationMs;
      expect(Math.abs(lq - (r.arrivals / r.durationMs) * r.meanWait) / lq).toBeLessThan(0.03);
    }
  });
});
