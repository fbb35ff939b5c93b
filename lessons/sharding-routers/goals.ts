import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { shardingMetrics } from './metrics';
import { addsShard, type ShardingParams } from './params';

export const read = (run: RunOutcome) => metricReader(shardingMetrics, run.metrics);

/** Busiest shard over the mean, on the skewed workload. */
export const IMBALANCE_LIMIT = 1.75;
/** Slack over the hottest key's floor, where that floor is above IMBALANCE_LIMIT. */
export const FLOOR_SLACK = 1.15;

/**
 * The least imbalance any router can reach: the shard holding the hottest key (key 0, of
 * share p₀ = 1/Σₖ (k+1)^−s) serves all its reads plus, at best, an even share of the rest,
 * so busiest/mean ≥ p₀·N + (1 − p₀). Hashing spreads keys, not the reads of one key.
 */
export function hotKeyFloor(keys: number, zipfS: number, shards: number): number {
  let h = 0;
  for (let k = 1; k <= keys; k++) h += k ** -zipfS;
  const p0 = 1 / h;
  return p0 * shards + (1 - p0);
}

/** Keys a join may move, as a multiple of the 1/(N+1) that must move. */
export const MOVE_SLACK = 1.5;

const pct = (x: number) => `${fmt(x * 100)}%`;

export const shardingGoals: Goal<ShardingParams>[] = [
  {
    id: 'balanced',
    title: `The busiest shard serves at most ${IMBALANCE_LIMIT}× the mean load (or ${fmt((FLOOR_SLACK - 1) * 100)}% over what the hottest key forces)`,
    check: (run, p) => {
      const m = read(run);
      const x = m.count('loadImbalance');
      const shards = m.count('shardsAtEnd');
      const floor = hotKeyFloor(p.keys, p.zipfS, shards);
      const limit = Math.max(IMBALANCE_LIMIT, FLOOR_SLACK * floor);
      const passed = m.count('requestsServed') > 0 && x <= limit;
      const why =
        limit > IMBALANCE_LIMIT
          ? `; the hottest key alone forces at least ${fmt(floor)}× on its shard, whatever the router, so the limit is ${fmt(limit)}×`
          : '';
      return {
        passed,
        detail: `Busiest shard ${fmt(m.count('busiestShardRequests'))} reads, mean ${fmt(m.count('meanShardRequests'))}: ${fmt(x)}× ${passed ? '≤' : '>'} ${fmt(limit)}× (Zipf s = ${p.zipfS}, ${fmt(shards)} shards${why}).`,
      };
    },
  },
  {
    id: 'few-moves',
    title: `A joining shard moves at most about 1/(N+1) of the keys (≤ ${MOVE_SLACK}/(N+1))`,
    check: (run, p) => {
      if (!addsShard(p))
        return {
          passed: true,
          detail: `No shard joined in this run (add time ${p.addShardAtMs} ms), so 0 keys moved.`,
        };
      const m = read(run);
      const f = m.count('keysMovedFraction');
      const need = 1 / (p.shards + 1);
      const passed = f <= MOVE_SLACK * need;
      return {
        passed,
        detail: `${fmt(m.count('keysMoved'))} of ${fmt(p.keys)} keys moved = ${pct(f)} ${passed ? '≤' : '>'} ${pct(MOVE_SLACK * need)} (only 1/${p.shards + 1} = ${pct(need)} must move to fill the new shard).`,
      };
    },
  },
  {
    id: 'no-loss',
    title: 'No read is lost while the topology changes',
    check: (run) => {
      const m = read(run);
      const lost = m.count('requestsLost');
      const passed = lost === 0 && m.count('requests') > 0;
      return {
        passed,
        detail: `${fmt(lost)} of ${fmt(m.count('requests'))} reads lost; ${fmt(m.count('misroutedRequests'))} went to the wrong shard first and were retried after a map refresh.`,
      };
    },
  },
];
