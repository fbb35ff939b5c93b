import type { MetricKey } from '../../src/kit/metrics/table';
import type { TheoryClaim } from '../../src/lesson/types';
import type { replicationMethodsMetrics } from './metrics';
import type { ReplicationMethodsParams } from './params';
import { STATEMENT_MS } from './constants';
import { meanRowBytes, NONDETERMINISTIC } from './statements';

type Claim = TheoryClaim<ReplicationMethodsParams, MetricKey<typeof replicationMethodsMetrics>>;

/** Followers replaying the statements (db-1 on 16 and db-2 on 17 both can run SQL). */
const FOLLOWERS = 2;

/**
 * P(an INSERT … SELECT's ids are not consecutive): another insert takes an id between its
 * first and last. Its 20 ids are taken evenly over its run D ~ Exp(mean s), so the gap is
 * T = 0.95·D. Single INSERTs (rate λ₁) that start in T, and other INSERT … SELECTs (λ₂)
 * that start in T or are still running when it starts (mean λ₂·s of them; each takes an id
 * every D/20), land in the gap: P(none) = e^(−λ₂·s) · E[e^(−(λ₁+λ₂)·0.95·D)]
 * = e^(−λ₂·s) / (1 + 0.95·(λ₁+λ₂)·s).
 */
export function interleavedInsertSelect(insertsPerMs: number, insertSelectsPerMs: number): number {
  const s = STATEMENT_MS;
  return 1 - Math.exp(-insertSelectsPerMs * s) / (1 + 0.95 * (insertsPerMs + insertSelectsPerMs) * s);
}

/** Expected statements that diverge on one follower, per statement, when every one ships as SQL. */
export function divergedPerStatement(
  p: Pick<ReplicationMethodsParams, 'writesPerSecond' | 'nondeterministicShare'>,
): number {
  const perKindPerMs = (p.writesPerSecond * p.nondeterministicShare) / NONDETERMINISTIC.length / 1000;
  // SYSDATE(), UUID() and RAND() are evaluated again on the follower: they always differ.
  const always = 3;
  return (
    (p.nondeterministicShare * (always + interleavedInsertSelect(perKindPerMs, perKindPerMs))) /
    NONDETERMINISTIC.length
  );
}

export const replicationMethodsTheory: Claim[] = [
  {
    metric: 'bytesPerStatement',
    title: 'Bytes per statement, row-based',
    formula: 'Σ_k p_k · (T + r_k · b_k)',
    why: 'Each statement kind k (share p_k) ships a Table_map and event header T plus r_k row images of b_k bytes (before and after for an UPDATE); the mean over the mix. Held from 1,000 statements a run, with 20% (the few team-wide UPDATEs weigh most).',
    unit: 'bytes',
    predict: (p) =>
      p.method === 'row' && p.writesPerSecond * (p.durationMs / 1000) >= 1000
        ? meanRowBytes(p.nondeterministicShare)
        : undefined,
    tolerance: { relative: 0.2 },
  },
  {
    metric: 'divergedPerStatement',
    title: 'Statements that diverge, every statement shipped as SQL',
    formula: '2 · n · (3 + P_interleave) / 6',
    why: 'Of the six non-deterministic kinds (share n, evenly), SYSDATE(), UUID() and RAND() are evaluated again on each follower and always differ; NOW() replays the logged timestamp and a single INSERT the logged INSERT_ID, so they match; an INSERT … SELECT differs when another insert took an id inside its range (P_interleave, from Poisson arrivals and exponential run times). Two followers replay each statement. Held only when shipAsStatement sent every statement as SQL (shippedAsRows = 0), from 1,000 statements, with 12% or 0.01.',
    unit: 'per statement',
    predict: (p, run) => {
      if (p.method !== 'statement' || p.writesPerSecond * (p.durationMs / 1000) < 1000) return undefined;
      if (run && run.shippedAsRows !== 0) return undefined;
      return FOLLOWERS * divergedPerStatement(p);
    },
    tolerance: { relative: 0.12, absolute: 0.01 },
  },
];
