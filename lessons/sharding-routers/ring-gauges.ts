import type { Simulation } from '../../src/engine/sim';
import { keysPerShard, type KeyMoves } from '../../src/kit/keyspace/moves';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { shardingMetrics } from './metrics';

/** Window over which each shard's load bar is measured, ms. */
export const LOAD_WINDOW_MS = 500;
/** Steps in which the keys-moving gauges count down while keys are copied. */
const COPY_STEPS = 10;

/**
 * The figures the ring and load-bar views draw, kept as labelled gauges so they scrub
 * with playback: keys per shard under the committed map, keys still moving into (+) or
 * out of (−) each shard, reads per second per shard, and the map version each router holds.
 */
export class RingGauges {
  private readonly lastServed: Float64Array;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof shardingMetrics>,
    private readonly served: Float64Array,
    private readonly durationMs: number,
  ) {
    this.lastServed = new Float64Array(served.length);
    const sample = () => {
      for (let s = 0; s < served.length; s++) {
        const rate = ((served[s]! - this.lastServed[s]!) * 1000) / LOAD_WINDOW_MS;
        this.m.set('shardLoad', rate, `s${s}`);
        this.lastServed[s] = served[s]!;
      }
      if (sim.now + LOAD_WINDOW_MS <= durationMs) sim.scheduler.after(LOAD_WINDOW_MS, sample);
    };
    sim.scheduler.after(LOAD_WINDOW_MS, sample);
  }

  /** Keys per shard under a committed map; the version it carries. */
  committed(owners: Uint8Array, shards: number, version: number): void {
    const n = keysPerShard(owners, shards);
    for (let s = 0; s < shards; s++) {
      this.m.set('shardKeys', n[s]!, `s${s}`);
      this.m.set('keysMoving', 0, `s${s}`);
    }
    this.m.set('mapVersion', version);
  }

  /** Keys start moving: each shard's net flow, counting down over the copy. */
  moving(moves: KeyMoves, copyMs: number): void {
    const net = new Float64Array(moves.stride);
    for (let a = 0; a < moves.stride; a++)
      for (let b = 0; b < moves.stride; b++) {
        const f = moves.flows[a * moves.stride + b]!;
        net[a] = net[a]! - f;
        net[b] = net[b]! + f;
      }
    for (let step = 0; step < COPY_STEPS; step++)
      this.sim.scheduler.after((copyMs * step) / COPY_STEPS, () => {
        const left = (COPY_STEPS - step) / COPY_STEPS;
        for (let s = 0; s < moves.stride; s++) this.m.set('keysMoving', Math.round(net[s]! * left), `s${s}`);
      });
  }

  router(i: number, version: number): void {
    this.m.set('routerMapVersion', version, `r${i + 1}` as 'r1' | 'r2' | 'r3');
  }
}
