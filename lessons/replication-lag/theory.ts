import type { MetricKey } from '../../src/kit/metrics/table';
import { mmc } from '../../src/kit/theory/queueing';
import type { TheoryClaim } from '../../src/lesson/types';
import { APP_LATENCY_MS, FLUSH_MS, SEMI_SYNC_TIMEOUT_MS } from './constants';
import type { replicationLagMetrics } from './metrics';
import { leaderCrashes, type ReplicationLagParams } from './params';
import { burstBacklogClaim } from './theory-burst';
import { modeInForce, staleViewClaim } from './theory-stale';

type Claim = TheoryClaim<ReplicationLagParams, MetricKey<typeof replicationLagMetrics>>;

/** Utilisation up to which a 30 s run is long enough for the M/M/1 mean to settle within the tolerance. */
const RHO_MAX = 0.8;

/** Mean time in an M/M/1 replay queue (wait + replay), or undefined when it is too loaded to settle. */
export function replaySojournMs(p: ReplicationLagParams, factor: number): number | undefined {
  const q = mmc(p.writesPerSecond, 1, p.applyMs * factor);
  return q.utilization <= RHO_MAX ? q.meanTimeInSystemMs : undefined;
}

/** E[max] of independent exponentials with the given rates (inclusion–exclusion over subsets). */
export function meanMaxOfExponentials(rates: readonly number[]): number {
  let sum = 0;
  const n = rates.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    let r = 0;
    let bits = 0;
    for (let i = 0; i < n; i++)
      if (mask & (1 << i)) {
        r += rates[i]!;
        bits++;
      }
    sum += (bits % 2 === 1 ? 1 : -1) / r;
  }
  return sum;
}

/** No write burst: the write rate is the steady Poisson λ every queueing claim assumes. */
const steady = (p: ReplicationLagParams) => p.burstWritesPerSecond === 0;
const hasFast = (p: ReplicationLagParams) => steady(p) && (p.followers >= 2 || p.slowFollowerFactor === 1);
const hasSlow = (p: ReplicationLagParams) => steady(p) && p.slowFollowerFactor > 1;

const lag = (p: ReplicationLagParams, factor: number) => {
  const w = replaySojournMs(p, factor);
  return w === undefined ? undefined : p.latencyMs + w;
};

export const replicationLagTheory: Claim[] = [
  {
    metric: 'fastLagMs',
    field: 'mean',
    title: 'Replication lag of a normal follower',
    formula: 'L + 1/(μ − λ)',
    why: 'The record crosses the link (L one way), then waits and is replayed in an M/M/1 queue: Poisson arrivals at λ = write rate, exponential replay of mean applyMs = 1/μ, one at a time; its mean sojourn is 1/(μ − λ). Held while ρ = λ/μ ≤ 0.8, with 25%.',
    unit: 'ms',
    predict: (p) => (hasFast(p) ? lag(p, 1) : undefined),
    tolerance: { relative: 0.25 },
  },
  {
    metric: 'slowLagMs',
    field: 'mean',
    title: 'Replication lag of the slow follower',
    formula: 'L + 1/(μ/f − λ)',
    why: 'The same M/M/1 queue with replay f = slowFollowerFactor times slower: mean sojourn 1/(μ/f − λ) grows without bound as λ·f·applyMs approaches 1. Held while ρ ≤ 0.8, with 25%.',
    unit: 'ms',
    predict: (p) => (hasSlow(p) ? lag(p, p.slowFollowerFactor) : undefined),
    tolerance: { relative: 0.25 },
  },
  {
    metric: 'writeLatencyMs',
    field: 'mean',
    title: 'Write latency, asynchronous',
    formula: '2a + F',
    why: 'The leader acknowledges after its own log flush F; the request and the answer each cross the 1 ms application link a. Nothing waits for a follower. Like every write-latency claim here, it follows the mode the writes actually used (what commitMode returned, counted in asyncCommits/semiSyncCommits/syncCommits), not the knob; a mix of modes has no single formula.',
    unit: 'ms',
    predict: (p, run) => (modeInForce(p, run) === 'async' ? 2 * APP_LATENCY_MS + FLUSH_MS : undefined),
    tolerance: { absolute: 0.05 },
  },
  {
    metric: 'writeLatencyMs',
    field: 'mean',
    title: 'Write latency, semi-synchronous',
    formula: '2a + 2L + F',
    why: 'The record reaches the followers after L, the first to flush it (F) acknowledges, L back: the fastest of N round trips (here all links alike, so every follower ties). Replay does not count: MySQL semi-sync waits for receipt, not apply. Not held when the leader is cut off for longer than the 10 s timeout (those writes wait, then go asynchronous).',
    unit: 'ms',
    predict: (p, run) =>
      modeInForce(p, run) === 'semi-sync' &&
      !(leaderCrashes(p) && p.isolateBeforeCrashMs >= SEMI_SYNC_TIMEOUT_MS)
        ? 2 * APP_LATENCY_MS + 2 * p.latencyMs + FLUSH_MS
        : undefined,
    tolerance: { relative: 0.02 },
  },
  {
    metric: 'writeLatencyMs',
    field: 'mean',
    title: 'Write latency, synchronous (remote apply, every follower)',
    formula: '2a + 2L + E[max_i S_i]',
    why: 'The commit waits for the slowest follower to replay it: the round trip plus the largest of the N replay sojourns S_i ~ Exp(μ_i − λ). Taken as independent, E[max] follows by inclusion–exclusion; the queues share their arrivals, so the true max may be a little smaller (held with 15%). Held while every ρ ≤ 0.8 and no leader crash.',
    unit: 'ms',
    predict: (p, run) => {
      if (modeInForce(p, run) !== 'sync' || leaderCrashes(p) || !steady(p)) return undefined;
      const rates: number[] = [];
      for (let i = 1; i <= p.followers; i++) {
        const w = replaySojournMs(p, i === p.followers ? p.slowFollowerFactor : 1);
        if (w === undefined) return undefined;
        rates.push(1 / w);
      }
      if (rates.length > 12) return undefined;
      return 2 * APP_LATENCY_MS + 2 * p.latencyMs + meanMaxOfExponentials(rates);
    },
    tolerance: { relative: 0.15 },
  },
  staleViewClaim('fast', (p) => (hasFast(p) ? replaySojournMs(p, 1) : undefined)),
  staleViewClaim('slow', (p) => (hasSlow(p) ? replaySojournMs(p, p.slowFollowerFactor) : undefined)),
  burstBacklogClaim,
];
