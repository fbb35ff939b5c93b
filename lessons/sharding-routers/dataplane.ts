import type { Simulation } from '../../src/engine/sim';
import type { Rng } from '../../src/engine/random';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { Route } from './api';
import { checkedRoute, type MapVersion } from './cluster';
import type { shardingMetrics } from './metrics';

/** Time a shard takes to serve one read: 1,000 reads/s per shard at most. */
export const SERVICE_MS = 1;
/** A read waiting for its router's map is given up after this long. */
export const READ_TIMEOUT_MS = 1000;
/** Hops a read may take (first try plus retries after "wrong shard"). */
export const MAX_HOPS = 4;

interface Read {
  key: number;
  router: number;
  start: number;
  hops: number;
  drawn: boolean;
}

export interface RouterSlot {
  actor: number;
  map: MapVersion;
  parked: Read[];
}

/**
 * Reads as plain scheduler tasks, not xstate events (thousands per second): a router
 * routes with the map it holds, the shard checks it owns the key under the committed map
 * and serves it (one at a time, SERVICE_MS each) or answers "wrong shard". Hop delays
 * come from the network's link settings, so slowed, partitioned and crashed actors count.
 * A sample of reads is also sent as network messages so the page can draw them.
 */
export class DataPlane {
  private readonly busyUntil: Float64Array;
  /** Reads served per shard, per committed map version index. */
  readonly served: Float64Array[];
  /** Reads served per shard over the whole run (the load bars). */
  readonly servedTotal: Float64Array;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof shardingMetrics>,
    private readonly rng: Rng,
    private readonly route: Route,
    readonly routers: RouterSlot[],
    private readonly shardActors: number[],
    /** The map shards hold (the committed one). */
    private readonly committed: () => MapVersion,
    private readonly onStale: (router: number, version: number) => void,
    drawProbability: number,
    /** Shards in the run, the spare included (shardActors is filled as they spawn). */
    shardCount: number,
  ) {
    this.busyUntil = new Float64Array(shardCount);
    this.served = [new Float64Array(shardCount), new Float64Array(shardCount)];
    this.servedTotal = new Float64Array(shardCount);
    this.drawP = drawProbability;
  }
  private readonly drawP: number;

  private flight(from: number, to: number): number | undefined {
    const l = this.sim.net.link(from, to);
    if (l.partitioned) return undefined;
    return (l.latencyMs + (l.jitterMs > 0 ? this.rng.uniform(0, l.jitterMs) : 0)) * l.slow;
  }

  private lost(): void {
    this.m.inc('requestsLost');
  }

  /** A read arrives at a router. */
  arrive(key: number, router: number): void {
    this.m.inc('requests');
    this.dispatch({ key, router, start: this.sim.now, hops: 0, drawn: this.rng.next() < this.drawP });
  }

  private dispatch(r: Read): void {
    const slot = this.routers[r.router]!;
    if (!this.sim.isUp(slot.actor)) return this.lost();
    r.hops++;
    if (r.hops > MAX_HOPS) return this.lost();
    const shard = checkedRoute(this.route, r.key, slot.map.view);
    const to = this.shardActors[shard]!;
    if (r.drawn) this.sim.send(slot.actor, to, { type: 'GET', key: r.key }, `GET user ${r.key}`);
    const d = this.flight(slot.actor, to);
    if (d === undefined) return this.lost();
    this.sim.scheduler.after(d, () => this.atShard(r, shard));
  }

  private atShard(r: Read, shard: number): void {
    const from = this.shardActors[shard]!;
    const router = this.routers[r.router]!.actor;
    if (!this.sim.isUp(from)) return this.lost();
    const map = this.committed();
    if (map.owners[r.key] !== shard) {
      this.m.inc('misroutedRequests');
      if (r.drawn) this.sim.send(from, router, { type: 'WRONG_SHARD' }, `wrong shard (map v${map.version})`);
      const back = this.flight(from, router);
      if (back === undefined) return this.lost();
      this.sim.scheduler.after(back, () => this.wrongShard(r, map.version));
      return;
    }
    const start = Math.max(this.sim.now, this.busyUntil[shard]!);
    const done = start + SERVICE_MS;
    this.busyUntil[shard] = done;
    const phase = this.served[map.version - 1]!;
    phase[shard] = phase[shard]! + 1;
    this.servedTotal[shard] = this.servedTotal[shard]! + 1;
    const back = this.flight(from, router);
    if (back === undefined) return this.lost();
    this.sim.scheduler.at(done + back, () => {
      if (!this.sim.isUp(router)) return this.lost();
      if (r.drawn) this.sim.send(from, router, { type: 'OK' }, `200 user ${r.key}`);
      this.m.inc('requestsServed');
      this.m.observe('requestLatencyMs', this.sim.now - r.start);
    });
  }

  private wrongShard(r: Read, version: number): void {
    const slot = this.routers[r.router]!;
    if (slot.map.version >= version) return this.dispatch(r);
    slot.parked.push(r);
    this.onStale(r.router, version);
  }

  /** The router installed a newer map: retry what waited for it. */
  retryParked(router: number): void {
    const slot = this.routers[router]!;
    const parked = slot.parked;
    slot.parked = [];
    for (const r of parked) {
      if (this.sim.now - r.start > READ_TIMEOUT_MS) this.lost();
      else this.dispatch(r);
    }
  }

  /** At the end of the run: reads parked longer than the timeout are lost. */
  settle(): void {
    for (const slot of this.routers) {
      for (const r of slot.parked) if (this.sim.now - r.start > READ_TIMEOUT_MS) this.lost();
      slot.parked = [];
    }
  }
}
