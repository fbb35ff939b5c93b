import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { setup } from 'xstate';
import type { ReplicationLagApi } from './api';
import { App } from './app';
import { Cluster } from './cluster';
import {
  APP_LATENCY_MS,
  BURST_AT_MS,
  BURST_MS,
  FAILOVER_AFTER_MS,
  DRAWN_READS_PER_SECOND,
  DRAWN_WRITES_PER_SECOND,
  OWN_VIEW_SHARE,
  USERS,
} from './constants';
import { replicationLagMetrics } from './metrics';
import { leaderCrashes, steadyUntil, type ReplicationLagParams } from './params';

/** The application server is a network endpoint only: its logic is plain code (app.ts). */
export const appMachine = setup({}).createMachine({ id: 'app', initial: 'serving', states: { serving: {} } });

/** Creates the database servers, the failover manager, the application and the workload of one run. */
export function buildReplicationLag(
  sim: Simulation,
  p: ReplicationLagParams,
  learner: ReplicationLagApi,
): void {
  const m = new MetricWriter(sim.metrics, replicationLagMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: APP_LATENCY_MS, jitterMs: 0, loss: 0 };
  const appActor = sim.spawn('app', 'app', appMachine);
  // The cluster calls the application back only once the run is going (app is set by then).
  const cluster: Cluster = new Cluster(
    sim,
    m,
    p,
    (leader, offset, entry) => app.ack(leader, offset, entry),
    (id) => app.acked(id),
  );
  const app = new App(
    sim,
    m,
    appActor,
    () => cluster,
    learner,
    Object.freeze({ followers: p.followers, mode: p.mode, latencyMs: p.latencyMs, applyMs: p.applyMs }),
    sim.rng.fork('draw'),
    Math.min(1, DRAWN_WRITES_PER_SECOND / p.writesPerSecond),
    Math.min(1, DRAWN_READS_PER_SECOND / (p.readsPerSecond + p.writesPerSecond)),
    steadyUntil(p),
  );

  const who = sim.rng.fork('users');
  poisson(sim.scheduler, sim.rng.fork('writes'), p.writesPerSecond, () => app.write(who.int(USERS)));
  if (p.burstWritesPerSecond > 0 && BURST_AT_MS < p.durationMs) {
    const burstWho = sim.rng.fork('burst-users');
    const stop = poisson(
      sim.scheduler,
      sim.rng.fork('burst'),
      p.burstWritesPerSecond,
      () => app.write(burstWho.int(USERS)),
      BURST_AT_MS,
    );
    sim.scheduler.at(BURST_AT_MS + BURST_MS, stop);
  }
  const views = sim.rng.fork('views');
  poisson(sim.scheduler, sim.rng.fork('reads'), p.readsPerSecond, () => {
    const user = views.int(USERS);
    const own = views.next() < OWN_VIEW_SHARE;
    // Someone else's profile: one of the other USERS − 1, uniformly.
    const other = (user + 1 + views.int(USERS - 1)) % USERS;
    app.read(user, own ? user : other, false);
  });

  if (leaderCrashes(p)) {
    const cutAt = Math.max(0, p.leaderCrashAtMs - p.isolateBeforeCrashMs);
    const leader = cluster.leader;
    const followers = cluster.replicas.filter((r) => r !== leader);
    const cut = (on: boolean) => {
      for (const f of followers) sim.net.setPartitioned(leader.actor, f.actor, on);
    };
    if (p.isolateBeforeCrashMs > 0) sim.scheduler.at(cutAt, () => cut(true));
    sim.scheduler.at(p.leaderCrashAtMs, () => sim.crash(leader.actor));
    // The links come back once the failover is done (the old leader is down by then).
    if (p.isolateBeforeCrashMs > 0) sim.scheduler.at(p.leaderCrashAtMs + FAILOVER_AFTER_MS, () => cut(false));
  }

  atEndOfRun(sim, p.durationMs, () => {
    m.inc('writesFailed', app.unacknowledged());
  });
}
