import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { crossShardMetrics } from './metrics';
import type { CrossShardParams } from './params';

export const read = (run: RunOutcome) => metricReader(crossShardMetrics, run.metrics);

/** Shards a query may ask on average (half the queries name their shard). */
export const FANOUT_LIMIT = 2;
/** p99 of all queries, ms. */
export const P99_LIMIT_MS = 14;
/** Stale global-index reads at most. */
export const STALE_LIMIT = 0.03;

const pct = (x: number) => `${fmt(x * 100)}%`;

export const crossShardGoals: Goal<CrossShardParams>[] = [
  {
    id: 'targeted',
    title: `Queries ask at most ${FANOUT_LIMIT} shards on average`,
    check: (run, p) => {
      const m = read(run);
      const x = m.count('shardsContactedPerQuery');
      const passed = m.count('queries') > 0 && x <= FANOUT_LIMIT;
      return {
        passed,
        detail: `${fmt(m.count('shardRequests'))} shard requests for ${fmt(m.count('queries'))} queries: ${fmt(x)} per query ${passed ? '≤' : '>'} ${FANOUT_LIMIT} (${p.shards} shards).`,
      };
    },
  },
  {
    id: 'fast',
    title: `p99 query latency ≤ ${P99_LIMIT_MS} ms`,
    check: (run) => {
      const m = read(run);
      const all = m.summary('queryLatencyMs');
      const email = m.summary('queryLatencyMs', 'email');
      const passed = all.count > 0 && all.p99 <= P99_LIMIT_MS;
      return {
        passed,
        detail: `p99 ${fmt(all.p99)} ms ${passed ? '≤' : '>'} ${P99_LIMIT_MS} ms over ${fmt(all.count)} queries (by email: p99 ${fmt(email.p99)} ms, mean ${fmt(email.mean)} ms).`,
      };
    },
  },
  {
    id: 'complete',
    title: "Every query is answered, from the shard holding the user's row",
    check: (run) => {
      const m = read(run);
      const failed = m.count('queriesFailed');
      const wrong = m.count('wrongAnswers');
      const passed = failed === 0 && wrong === 0 && m.count('queriesAnswered') > 0;
      return {
        passed,
        detail: `${fmt(m.count('queriesAnswered'))} answered; ${fmt(failed)} failed (a shard down or unreachable), ${fmt(wrong)} missed the row's shard.`,
      };
    },
  },
  {
    id: 'fresh',
    title: `At most ${pct(STALE_LIMIT)} of global-index reads are stale`,
    check: (run, p) => {
      const m = read(run);
      const reads = m.count('indexReads');
      if (reads === 0)
        return {
          passed: true,
          detail: 'No query read the global index, so none read a stale entry (0 of 0).',
        };
      const f = m.count('staleReadFraction');
      const passed = f <= STALE_LIMIT;
      return {
        passed,
        detail: `${fmt(m.count('staleIndexReads'))} of ${fmt(reads)} index reads stale = ${pct(f)} ${passed ? '≤' : '>'} ${pct(STALE_LIMIT)} (index lag ${p.indexLagMs} ms, mean applied lag ${fmt(m.summary('indexLagMs').mean)} ms, ${p.writesPerSecond} writes/s).`,
      };
    },
  },
];
