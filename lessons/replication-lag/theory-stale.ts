import type { MetricKey } from '../../src/kit/metrics/table';
import type { Metrics, TheoryClaim } from '../../src/lesson/types';
import type { ReplicationMode } from './api';
import { FLUSH_MS, USERS } from './constants';
import type { replicationLagMetrics } from './metrics';
import type { ReplicationLagParams } from './params';

type Claim = TheoryClaim<ReplicationLagParams, MetricKey<typeof replicationLagMetrics>>;

/** Fewer sampled views than this and a share is too noisy to hold to a formula. */
const MIN_VIEWS = 300;

const num = (run: Metrics | undefined, key: string) => {
  const v = run?.[key];
  return typeof v === 'number' ? v : 0;
};

/**
 * The replication mode the run's writes actually waited for: the learner's commitMode may
 * override the `mode` knob, so the run counts its commits by mode. One mode → that mode;
 * several → 'mixed' (no single formula holds); no metrics (only asking whether a claim
 * applies) → the knob.
 */
export function modeInForce(p: ReplicationLagParams, run?: Metrics): ReplicationMode | 'mixed' {
  const used = (
    [
      ['async', 'asyncCommits'],
      ['semi-sync', 'semiSyncCommits'],
      ['sync', 'syncCommits'],
    ] as const
  ).filter(([, key]) => num(run, key) > 0);
  if (used.length === 0) return p.mode;
  return used.length === 1 ? used[0]![0] : 'mixed';
}

/**
 * From a write's append to its becoming visible on the leader, ms: after its own flush F
 * (async); after the nearest follower received it, flushed it and said so, 2L + F
 * (semi-sync; every follower link is alike). Sync: only once every follower applied it, so
 * a follower is never behind what the leader shows (undefined).
 */
export function leaderVisibleAfterMs(mode: ReplicationMode, p: ReplicationLagParams): number | undefined {
  if (mode === 'async') return FLUSH_MS;
  if (mode === 'semi-sync') return 2 * p.latencyMs + FLUSH_MS;
  return undefined;
}

/**
 * E[(L − V)⁺]: how long a write is visible on the leader but not yet on a follower whose lag
 * is L = latency + S, S the M/M/1 replay sojourn, exponential with mean s (Kleinrock vol. 1,
 * §3.2). With d = V − latency: d ≤ 0 gives −d + s; d > 0 gives s·e^(−d/s) (memorylessness).
 */
export function staleWindowMs(latencyMs: number, sojournMs: number, visibleAfterMs: number): number {
  const d = visibleAfterMs - latencyMs;
  return d <= 0 ? sojournMs - d : sojournMs * Math.exp(-d / sojournMs);
}

/**
 * The share of profile views a follower would answer stale (each view is checked against
 * every follower, wherever it is routed: routing on log positions, as the reference solution
 * does, picks fresher replicas and sees fewer). A view is of a uniformly random
 * profile (a random user, their own one time in four, else one of the others at random:
 * 1/24 each), at a Poisson instant independent of the writes; each profile is written at
 * w = W/24. The writes visible on the leader but not yet on that follower form an M/G/∞
 * system, so at a random instant their number for one profile is Poisson with mean
 * w·E[(L − V)⁺], and the view is stale when it is at least one (see staleReadProbability
 * in src/kit/theory/fanout.ts). Reloads right after one's own write are left out: they are
 * timed by a write, so they are not random instants (nearly all of them find the follower
 * behind; that is the read-your-writes violation).
 */
export function staleViewClaim(
  label: 'fast' | 'slow',
  sojournMs: (p: ReplicationLagParams) => number | undefined,
): Claim {
  return {
    metric: label === 'fast' ? 'fastStaleViewShare' : 'slowStaleViewShare',
    title: `Views ${label === 'fast' ? 'a normal' : 'the slow'} follower would answer stale`,
    formula: '1 − e^(−(W/24)·E[(L − V)⁺])',
    why: `Views of uniformly random profiles at random times; each of the 24 profiles is written at W/24, and a follower shows an old version while a write is visible on the leader (V after its append: its flush F under async; under sync never before every follower applied it, so 0) but not yet applied there (lag = link + M/M/1 replay). Pending writes of one profile are Poisson (M/G/∞); consecutive replay times are correlated, so the share runs a little below. Not held under semi-sync: V = 2L + F, and the window is only the tail of the replay time beyond L + F, which comes in busy periods and varies several-fold from run to run. Every view is checked on every follower, wherever it was routed. Uses the mode the writes actually used (commits by mode), views before any leader trouble, ρ ≤ 0.8, at least ${MIN_VIEWS} views; 20% or 1.5 points.`,
    unit: 'of views',
    predict: (p, run) => {
      if (run && num(run, `${label}ViewsChecked`) < MIN_VIEWS) return undefined;
      const mode = modeInForce(p, run);
      if (mode === 'mixed' || p.burstWritesPerSecond > 0) return undefined;
      const s = sojournMs(p);
      if (s === undefined) return undefined;
      const v = leaderVisibleAfterMs(mode, p);
      if (v === undefined) return 0;
      // The window is then only the tail of the replay time beyond V − latency: it comes in
      // the slow follower's busy periods, several writes at once, so one run does not pin it.
      if (v > p.latencyMs) return undefined;
      const w = p.writesPerSecond / USERS / 1000;
      return 1 - Math.exp(-w * staleWindowMs(p.latencyMs, s, v));
    },
    tolerance: { relative: 0.2, absolute: 0.015 },
  };
}
