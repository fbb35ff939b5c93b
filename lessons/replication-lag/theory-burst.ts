import type { MetricKey } from '../../src/kit/metrics/table';
import type { TheoryClaim } from '../../src/lesson/types';
import { BURST_AT_MS, BURST_MS } from './constants';
import type { replicationLagMetrics } from './metrics';
import type { ReplicationLagParams } from './params';

type Claim = TheoryClaim<ReplicationLagParams, MetricKey<typeof replicationLagMetrics>>;

/**
 * The furthest-behind follower at the end of a write burst, in entries. While writes arrive
 * at λ + B faster than the slowest follower replays (μ), its backlog grows at λ + B − μ for
 * the burst's T (the fluid limit of a queue in overload: the random part grows only as √T),
 * plus the entries on the wire ((λ + B)·L) and its backlog before the burst (the M/M/1 mean
 * ρ/(1 − ρ) when ρ = λ/μ < 1).
 */
export function burstBacklog(p: ReplicationLagParams): number | undefined {
  const slowest = p.followers >= 1 && p.slowFollowerFactor > 1 ? p.slowFollowerFactor : 1;
  const mu = 1000 / (p.applyMs * slowest);
  const lambda = p.writesPerSecond;
  const during = lambda + p.burstWritesPerSecond;
  const rho = lambda / mu;
  if (rho >= 0.8 || during < 1.5 * mu) return undefined;
  const t = BURST_MS / 1000;
  const growth = (during - mu) * t;
  // Arrivals and replays in T are random (Poisson-like): σ ≈ √((λ + B + μ)·T). Held where the fluid term is 20σ.
  if (growth < 20 * Math.sqrt((during + mu) * t)) return undefined;
  const before = rho / (1 - rho);
  return growth + (during * p.latencyMs) / 1000 + before;
}

export const burstBacklogClaim: Claim = {
  metric: 'lagEntriesMax',
  title: 'Entries the slowest follower is behind after a write burst',
  formula: '(λ + B − μ)·T + (λ + B)·L + ρ/(1 − ρ)',
  why: 'During the 2 s burst (T) writes arrive at λ + B, faster than the slowest follower replays (μ = 1/applyMs, divided by the slow factor): its backlog grows at λ + B − μ (fluid limit; the random part grows only as √T), on top of (λ + B)·L entries on the wire and its M/M/1 backlog before the burst. Held when the growth is at least 20 times its random spread √((λ + B + μ)·T) (at the defaults, a burst of about 400 writes/s or more), ρ = λ/μ < 0.8, and the burst ends before any leader trouble; 15%.',
  unit: 'entries',
  predict: (p) => {
    if (p.burstWritesPerSecond <= 0 || BURST_AT_MS + BURST_MS > p.durationMs) return undefined;
    if (p.leaderCrashAtMs > 0 && p.leaderCrashAtMs - p.isolateBeforeCrashMs < BURST_AT_MS + BURST_MS + 1000)
      return undefined;
    return burstBacklog(p);
  },
  tolerance: { relative: 0.15 },
};
