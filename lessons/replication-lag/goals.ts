import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { FOLLOWER_SHARE_GOAL } from './constants';
import { replicationLagMetrics } from './metrics';
import { leaderCrashes, type ReplicationLagParams } from './params';

export const read = (run: RunOutcome) => metricReader(replicationLagMetrics, run.metrics);

/** The p99 write latency the product can live with, ms. */
export const WRITE_P99_LIMIT_MS = 150;

const pct = (x: number) => `${fmt(x * 100)}%`;

export const replicationLagGoals: Goal<ReplicationLagParams>[] = [
  {
    id: 'read-your-writes',
    title: `Users always see their own updates, with at least ${pct(FOLLOWER_SHARE_GOAL)} of reads on followers`,
    check: (run) => {
      const m = read(run);
      const v = m.count('readYourWritesViolations');
      const share = m.count('followerReadShare');
      const passed = v === 0 && share >= FOLLOWER_SHARE_GOAL && m.count('readsAnswered') > 0;
      return {
        passed,
        detail: `${fmt(v)} reads showed a user an older profile than the update they had just saved; ${pct(share)} of ${fmt(m.count('readsAnswered'))} reads were served by followers (need ≥ ${pct(FOLLOWER_SHARE_GOAL)}).`,
      };
    },
  },
  {
    id: 'monotonic-reads',
    title: 'No user sees a profile go back in time',
    check: (run) => {
      const m = read(run);
      const v = m.count('monotonicReadViolations');
      return {
        passed: v === 0 && m.count('readsAnswered') > 0,
        detail: `${fmt(v)} of ${fmt(m.count('readsAnswered'))} reads returned an older version than the same user had already seen (${fmt(m.count('staleReads'))} reads were stale in all).`,
      };
    },
  },
  {
    id: 'no-acked-loss',
    title: 'A leader crash loses no write the user was told was saved',
    check: (run, p) => {
      const m = read(run);
      const lost = m.count('acknowledgedWritesLost');
      if (!leaderCrashes(p))
        return {
          passed: lost === 0,
          detail: `The leader does not crash in this run (crash time ${fmt(p.leaderCrashAtMs)} ms); ${fmt(lost)} writes lost.`,
        };
      return {
        passed: lost === 0 && m.count('failovers') > 0,
        detail: `${fmt(lost)} acknowledged writes were lost when the leader died at ${fmt(p.leaderCrashAtMs / 1000)} s and ${fmt(m.count('failovers'))} follower was promoted; writes had no leader for ${fmt(m.count('writeOutageMs'))} ms.`,
      };
    },
  },
  {
    id: 'fast-writes',
    title: `Saving stays quick: p99 write latency ≤ ${WRITE_P99_LIMIT_MS} ms`,
    check: (run) => {
      const s = read(run).summary('writeLatencyMs');
      const passed = s.count > 0 && s.p99 <= WRITE_P99_LIMIT_MS;
      return {
        passed,
        detail: `p99 write latency ${fmt(s.p99)} ms ${passed ? '≤' : '>'} ${WRITE_P99_LIMIT_MS} ms (median ${fmt(s.p50)} ms over ${fmt(s.count)} acknowledged writes).`,
      };
    },
  },
];
