import type { MetricKey } from '../../src/kit/metrics/table';
import { maxOfExponentialsMeanMixed, maxOfExponentialsQuantileMixed } from '../../src/kit/theory/fanout';
import type { TheoryClaim } from '../../src/lesson/types';
import { BY_ID_SHARE, NET_MS } from './constants';
import { indexedEmailLatencyMs, loadModel, meanIndexLagMs, staleFraction } from './load-model';
import type { crossShardMetrics } from './metrics';
import type { CrossShardParams } from './params';

type Claim = TheoryClaim<CrossShardParams, MetricKey<typeof crossShardMetrics>>;

/**
 * Claims hold where every shard is at most this busy: the shards of a fork-join query see the
 * same arrivals, so their times are correlated, more so under load, and the independent
 * maximum turns into an upper bound (Nelson & Tantawi 1988).
 */
const MAX_RHO = 0.5;
/** Enough email queries in a run for a percentile to settle. */
const enough = (p: CrossShardParams) =>
  p.queriesPerSecond * (1 - BY_ID_SHARE) * (p.durationMs / 1000) >= 1000;
const scatter = (p: CrossShardParams) =>
  p.plan === 'scatter' && enough(p) && loadModel(p).maxUtilisation <= MAX_RHO;
const indexed = (p: CrossShardParams) =>
  p.plan === 'global-index' && enough(p) && loadModel(p).maxUtilisation <= MAX_RHO;

export const crossShardTheory: Claim[] = [
  {
    metric: 'emailQueryLatencyMs',
    field: 'mean',
    title: 'Scatter-gather latency, mean (local indexes)',
    formula: '2·hop + E[max of N M/M/1 sojourns] = 2·hop + s·H_N (equal shards)',
    why: 'The query waits for all N shards; each answers after an M/M/1 sojourn, exponential with rate μ − λ_s, so the mean of the slowest is s·H_N for equal shards (numerically for unequal ones). Shards share the arrivals, so the max is a little lower: held at ρ ≤ 0.5, within 15%.',
    unit: 'ms',
    predict: (p) =>
      scatter(p) ? 2 * NET_MS + maxOfExponentialsMeanMixed([...loadModel(p).sojournMs]) : undefined,
    tolerance: { relative: 0.15 },
  },
  {
    metric: 'emailQueryLatencyMs',
    field: 'p99',
    title: 'Scatter-gather latency, p99 (local indexes)',
    formula: '2·hop − s·ln(1 − 0.99^(1/N)) (equal shards)',
    why: 'P(max ≤ t) = Π(1 − e^(−(μ−λ_s)t)); with equal shards the q-quantile is −s·ln(1 − q^(1/N)), growing like s·ln N: the tail of a fan-out is the tail of its slowest shard. Held at ρ ≤ 0.5, within 20%.',
    unit: 'ms',
    predict: (p) =>
      scatter(p) ? 2 * NET_MS + maxOfExponentialsQuantileMixed([...loadModel(p).sojournMs], 0.99) : undefined,
    tolerance: { relative: 0.2 },
  },
  {
    metric: 'emailQueryLatencyMs',
    field: 'mean',
    title: 'Global index latency, mean',
    formula: '4·hop + E[1/(μ − λ_index)] + E[1/(μ − λ_row)]',
    why: 'A lookup on the index partition, then a read of the row on its shard: two round trips and two M/M/1 sojourns in a row (a Jackson network, so the means add), averaged over users by popularity.',
    unit: 'ms',
    predict: (p) => (indexed(p) ? indexedEmailLatencyMs(loadModel(p)) : undefined),
    tolerance: { relative: 0.1 },
  },
  {
    metric: 'shardsContactedPerQuery',
    title: 'Shards asked per query',
    formula: 'b·1 + (1 − b)·(N or 2)',
    why: `A share b = ${BY_ID_SHARE} of queries names the shard key (one shard); the others ask every shard (local indexes) or the index partition and then the row's shard (global index). Binomial noise over hundreds of queries is under 5%.`,
    unit: 'shards',
    predict: (p) =>
      enough(p) ? BY_ID_SHARE + (1 - BY_ID_SHARE) * (p.plan === 'scatter' ? p.shards : 2) : undefined,
    tolerance: { relative: 0.05 },
  },
  {
    metric: 'staleReadFraction',
    title: 'Stale global-index reads',
    formula: 'Σ p_k·(1 − e^(−W·p_k·L̄))',
    why: 'Updates of user k come at rate W·p_k (Poisson) and reach the index a lag L̄ later (index lag + one hop + the partition queue); the updates still in flight are an M/G/∞ population, Poisson with mean W·p_k·L̄, so a lookup finds the entry behind with probability 1 − e^(−W·p_k·L̄). Held when at least 1% of reads are stale (enough to count), within 25%.',
    unit: 'of index reads',
    predict: (p) => {
      if (!indexed(p) || p.writesPerSecond === 0) return undefined;
      const f = staleFraction(p, loadModel(p));
      return f >= 0.01 ? f : undefined;
    },
    tolerance: { relative: 0.25, absolute: 0.003 },
  },
  {
    metric: 'indexLagMs',
    field: 'mean',
    title: 'Global index lag, mean',
    formula: 'lag + hop + E[1/(μ − λ_index)]',
    why: "Each update waits the change stream's delay, one hop to its index partition, and an M/M/1 sojourn in that partition's queue.",
    unit: 'ms',
    predict: (p) =>
      indexed(p) && p.writesPerSecond * (p.durationMs / 1000) >= 500
        ? meanIndexLagMs(p, loadModel(p))
        : undefined,
    tolerance: { relative: 0.1, absolute: 0.5 },
  },
];
