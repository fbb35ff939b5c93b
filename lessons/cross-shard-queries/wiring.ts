import type { Simulation } from '../../src/engine/sim';
import { hash32 } from '../../src/kit/keyspace/hash';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { Zipf } from '../../src/kit/workloads/zipf';
import type { Cluster, CrossShardApi } from './api';
import { BY_ID_SHARE, DRAWN_PER_SECOND, LOAD_WINDOW_MS, NET_MS, USERS } from './constants';
import { GlobalIndex } from './global-index';
import { crossShardMetrics } from './metrics';
import { indexerMachine, routerMachine, shardMachine } from './model';
import type { CrossShardParams } from './params';
import { QueryPlane } from './queries';
import { Shards } from './shards';

/** The router, the shards, the indexer and the workload of one run. */
export function buildCrossShard(sim: Simulation, p: CrossShardParams, learner: CrossShardApi): void {
  const m = new MetricWriter(sim.metrics, crossShardMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: NET_MS, jitterMs: 0, loss: 0 };
  const router = sim.spawn('router', 'router', routerMachine);
  const indexer = sim.spawn('indexer', 'indexer', indexerMachine);
  const actors: number[] = [];
  // A crash (only ever after the build) loses what the shard's queue held.
  for (let s = 0; s < p.shards; s++)
    actors.push(sim.spawn(`shard-${s}`, 'shard', shardMachine, { onCrash: () => shards.crashed(s) }));
  const shards = new Shards(sim, sim.rng.fork('service'), actors);
  const index = new GlobalIndex(sim, m, shards, indexer, USERS, p.plan === 'global-index', p.indexLagMs);
  const cluster: Cluster = Object.freeze({
    shards: p.shards,
    globalIndex: index.enabled,
    shardOf: (userId: number) => hash32(userId) % p.shards,
    indexPartitionOf: (emailHash: number) => (emailHash >>> 0) % p.shards,
  });
  const queries = new QueryPlane(sim, m, shards, index, router, cluster, learner.planQuery);

  const pick = sim.rng.fork('query-kind');
  const queryUsers = new Zipf(USERS, p.zipfS, sim.rng.fork('query-users'));
  const drawP = Math.min(1, DRAWN_PER_SECOND / p.queriesPerSecond);
  poisson(sim.scheduler, sim.rng.fork('queries'), p.queriesPerSecond, () => {
    const by = pick.next() < BY_ID_SHARE ? 'userId' : 'email';
    queries.run(queryUsers.next(), by, pick.next() < drawP);
  });

  if (p.writesPerSecond > 0) {
    const writeUsers = new Zipf(USERS, p.zipfS, sim.rng.fork('write-users'));
    poisson(sim.scheduler, sim.rng.fork('writes'), p.writesPerSecond, () => {
      const user = writeUsers.next();
      m.inc('writes');
      let committed = false;
      shards.ask(router, cluster.shardOf(user), {
        served: () => {
          committed = true;
          index.committed(user);
        },
        answered: () => {},
        failed: () => {
          if (!committed) m.inc('writesFailed');
        },
      });
    });
  }

  // Load bars: each shard's busy share over the last window.
  const lastBusy = new Float64Array(p.shards);
  const sample = () => {
    for (let s = 0; s < p.shards; s++) {
      const busy = shards.stations[s]!.busyMs();
      m.set('shardLoad', Math.round(((busy - lastBusy[s]!) / LOAD_WINDOW_MS) * 100), `s${s}`);
      lastBusy[s] = busy;
    }
    if (sim.now + LOAD_WINDOW_MS <= p.durationMs) sim.scheduler.after(LOAD_WINDOW_MS, sample);
  };
  sim.scheduler.after(LOAD_WINDOW_MS, sample);
}
