import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { Zipf } from '../../src/kit/workloads/zipf';
import { directory, evenRanges, hashMod, ring, type ShardMapData } from '../../src/kit/keyspace/routers';
import { keyPositions, ringViewData } from '../../src/kit/keyspace/ring-view';
import { keyMoves, keysPerShard, relativeSpread } from '../../src/kit/keyspace/moves';
import type { ShardingApi } from './api';
import { mapVersion, type MapVersion } from './cluster';
import { DataPlane, type RouterSlot } from './dataplane';
import { DRAWN_PER_SECOND } from './drawn';
import { shardingMetrics } from './metrics';
import { coordinatorMachine, routerMachine, shardMachine, type CoordinatorIO, type RouterIO } from './model';
import { joinedMap } from './plan';
import { addsShard, type ShardingParams } from './params';
import { RingGauges } from './ring-gauges';

export const ROUTERS = 3;
/** The snapshot holding each committed map laid out on the ring (the ring view's `points`). */
export const MAP_SNAPSHOT = 'shardMap';
/** Hottest keys the ring view marks. */
export const HOT_KEYS = 8;
/** Keys copied per second while a shard joins (the whole cluster's copy bandwidth). */
export const COPY_KEYS_PER_SECOND = 100_000;
/** One-way latency router ↔ shard, and router ↔ coordination service, ms. */
export const SHARD_LATENCY_MS = 2;
export const COORDINATOR_LATENCY_MS = 10;
/** Steps in which the keys-to-move gauge counts down while keys are copied. */
const COPY_STEPS = 10;

function initialMap(p: ShardingParams, draw: () => number): ShardMapData {
  switch (p.router) {
    case 'range':
      return evenRanges(p.keys, p.shards);
    case 'hash-mod':
      return hashMod(p.shards);
    case 'consistent':
      return ring(p.shards, p.virtualNodes, draw);
    case 'directory':
      return directory(p.shards);
  }
}

/** Creates the coordination service, the routers, the shards and the read workload of one run. */
export function buildSharding(sim: Simulation, p: ShardingParams, learner: ShardingApi): void {
  const m = new MetricWriter(sim.metrics, shardingMetrics, () => sim.now);
  const ringRng = sim.rng.fork('ring');
  const draw = () => ringRng.next();
  const versions: MapVersion[] = [mapVersion(initialMap(p, draw), 1, p.keys, learner.route)];
  let committed = 0;
  const joins = addsShard(p);
  sim.net.defaults = { latencyMs: SHARD_LATENCY_MS, jitterMs: SHARD_LATENCY_MS / 2, loss: 0 };

  const watching = new Set<number>();
  let coordinator = -1;
  const routers: RouterSlot[] = [];
  const routerIndex = new Map<number, number>();
  const stale = () => routers.filter((r) => r.map.version < committed + 1).length;
  const shards: number[] = [];
  const total = p.shards + (joins ? 1 : 0);
  const plane = new DataPlane(
    sim,
    m,
    sim.rng.fork('reads'),
    learner.route,
    routers,
    shards,
    () => versions[committed]!,
    (router, version) => sim.ref(routers[router]!.actor)?.send({ type: 'STALE', version }),
    Math.min(1, DRAWN_PER_SECOND / p.requestsPerSecond),
    total,
  );
  const gauges = new RingGauges(sim, m, plane.servedTotal, p.durationMs);
  gauges.committed(versions[0]!.owners, p.shards, 1);
  // The ring view's own layout of each committed map: every virtual node (or chunk, or range).
  const zipf = new Zipf(p.keys, p.zipfS, sim.rng.fork('keys'));
  // The hottest keys are the lowest ids (Zipf ranks them first): marked where they sit.
  const hot = Array.from({ length: Math.min(HOT_KEYS, p.keys) }, (_, k) => k);
  const publishMap = (data: ShardMapData, before?: ShardMapData) => {
    const arcs = ringViewData(data, before);
    if (!arcs) return;
    const hotShare = Float64Array.from(hot, (k) => zipf.p(k));
    sim.snapshots.publish(MAP_SNAPSHOT, { ...arcs, hotAt: keyPositions(data, hot), hotShare });
  };
  publishMap(versions[0]!.data);

  const coordinatorIO: CoordinatorIO = {
    planJoin: () => {
      const first = versions[0]!;
      const joined = joinedMap(first.data, first.view, draw, learner.planJoin);
      const next = mapVersion(joined, 2, p.keys, learner.route);
      versions.push(next);
      const moves = keyMoves(versions[0]!.owners, next.owners, next.data.shards);
      m.inc('keysMoved', moves.moved);
      const copyMs = Math.max(1, (moves.moved / COPY_KEYS_PER_SECOND) * 1000);
      // Keys flow from each donor to its receivers: one message per pair, with the count.
      const fresh = shards[next.data.shards - 1]!;
      sim.ref(fresh)?.send({ type: 'JOIN' });
      for (let a = 0; a < moves.stride; a++) {
        let gives = false;
        for (let b = 0; b < moves.stride; b++) {
          const n = moves.flows[a * moves.stride + b]!;
          if (n === 0) continue;
          gives = true;
          // Drawn as one message per pair that travels for the whole copy (shard links carry nothing else).
          sim.net.configure(shards[a]!, shards[b]!, { latencyMs: copyMs, jitterMs: 0 });
          sim.send(shards[a]!, shards[b]!, { type: 'KEYS', count: n }, `${n.toLocaleString('en-US')} keys`);
        }
        if (gives) sim.ref(shards[a]!)?.send({ type: 'DONATE' });
      }
      m.set('keysToMove', moves.moved);
      gauges.moving(moves, copyMs);
      for (let s = 1; s < COPY_STEPS; s++)
        sim.scheduler.after((copyMs * s) / COPY_STEPS, () =>
          m.set('keysToMove', Math.round((moves.moved * (COPY_STEPS - s)) / COPY_STEPS)),
        );
      return copyMs;
    },
    commit: () => {
      committed = 1;
      m.set('keysToMove', 0);
      gauges.committed(versions[1]!.owners, versions[1]!.data.shards, 2);
      publishMap(versions[1]!.data, versions[0]!.data);
      for (const s of shards) sim.ref(s)?.send({ type: 'COMMIT' });
      m.set('staleRouters', stale());
      // A watch fires once: each router that set one hears of the change, then must read the map again.
      for (const r of watching)
        sim.send(coordinator, r, { type: 'WATCH_FIRED', version: 2 }, 'watch: map changed');
      watching.clear();
    },
    sendMap: (router) => {
      watching.add(router);
      const v = committed + 1;
      sim.send(coordinator, router, { type: 'MAP', version: v }, `map v${v}`);
    },
  };
  coordinator = sim.spawn('coordinator', 'coordinator', coordinatorMachine, { input: { io: coordinatorIO } });

  for (let i = 0; i < ROUTERS; i++) {
    let self = -1;
    const io: RouterIO = {
      fetchMap: () => sim.send(self, coordinator, { type: 'GET_MAP' }, 'GET /map (watch)'),
      version: () => routers[i]!.map.version,
      install: (version) => {
        m.inc('mapRefreshes');
        const slot = routers[i]!;
        if (version > slot.map.version) slot.map = versions[version - 1]!;
        gauges.router(i, slot.map.version);
        m.set('staleRouters', stale());
        plane.retryParked(i);
      },
    };
    // A router restarted after a crash starts from the map it reads again (version 1 until it does).
    self = sim.spawn(`router-${i + 1}`, 'router', routerMachine, {
      input: { io },
      onCrash: () => {
        routers[i]!.map = versions[0]!;
        gauges.router(i, 1);
      },
    });
    sim.net.configure(self, coordinator, { latencyMs: COORDINATOR_LATENCY_MS, jitterMs: 2 });
    routers.push({ actor: self, map: versions[0]!, parked: [] });
    gauges.router(i, 1);
    routerIndex.set(self, i);
  }

  for (let s = 0; s < total; s++)
    shards.push(sim.spawn(`shard-${s}`, 'shard', shardMachine, { input: { spare: s >= p.shards } }));

  let next = 0;
  poisson(sim.scheduler, sim.rng.fork('arrivals'), p.requestsPerSecond, () => {
    plane.arrive(zipf.next(), next);
    next = (next + 1) % ROUTERS;
  });

  if (joins) sim.scheduler.at(p.addShardAtMs, () => sim.ref(coordinator)?.send({ type: 'ADD_SHARD' }));

  atEndOfRun(sim, p.durationMs, () => {
    plane.settle();
    const final = versions[committed]!;
    const n = final.data.shards;
    const load = plane.served[committed]!.subarray(0, n);
    let sum = 0;
    let max = 0;
    for (const x of load) {
      sum += x;
      max = Math.max(max, x);
    }
    m.inc('busiestShardRequests', max);
    m.inc('meanShardRequests', sum / n);
    m.inc('shardsAtEnd', n);
    m.inc('shardKeysStd', relativeSpread(keysPerShard(final.owners, n)) * (p.keys / n));
  });
}
