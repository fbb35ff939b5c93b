import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { asyncWorkersMetrics } from './metrics';
import type { AsyncWorkersParams } from './params';
import { CONSISTENCY_LIMIT_MS } from './constants';

export const read = (run: RunOutcome) => metricReader(asyncWorkersMetrics, run.metrics);

/** What an API that feels instant answers within (99 requests in 100). */
export const API_P99_MS = 50;
/** A database load with room to spare: under a third of what its 10 connections can run (2,000 queries/s). */
export const DB_PEAK_LIMIT = 600;

export const asyncWorkersGoals: Goal<AsyncWorkersParams>[] = [
  {
    id: 'fast-api',
    title: `The API answers 99% of requests within ${API_P99_MS} ms`,
    check: (run) => {
      const s = read(run).summary('apiLatencyMs');
      const passed = s.count > 0 && s.p99 <= API_P99_MS;
      return {
        passed,
        detail: `p99 ${fmt(s.p99)} ms ${s.p99 <= API_P99_MS ? '≤' : '>'} ${API_P99_MS} ms over ${fmt(s.count)} answers (median ${fmt(s.p50)} ms, slowest ${fmt(s.max)} ms).`,
      };
    },
  },
  {
    id: 'smooth-db',
    title: `The database never gets more than ${DB_PEAK_LIMIT} queries in a second`,
    check: (run) => {
      const m = read(run);
      const peak = m.count('dbLoadPeakPerSecond');
      const passed = peak <= DB_PEAK_LIMIT;
      return {
        passed,
        detail: `Busiest second: ${fmt(peak)} queries ${passed ? '≤' : '>'} ${DB_PEAK_LIMIT} (${fmt(m.count('dbQueries'))} queries in the run).`,
      };
    },
  },
  {
    id: 'post-visible',
    title: 'Every blog post is stored before the API says it was published',
    check: (run) => {
      const m = read(run);
      const bad = m.count('unstoredAtAnswer');
      const posts = m.count('requests', 'post');
      return {
        passed: bad === 0,
        detail:
          bad === 0
            ? `All ${fmt(posts)} posts were in the database when their author got the answer.`
            : `${fmt(bad)} of ${fmt(posts)} posts were not yet stored when the API answered: their authors reload and see nothing.`,
      };
    },
  },
  {
    id: 'caught-up',
    title: `Counts and search catch up within ${CONSISTENCY_LIMIT_MS / 1000} s of the answer`,
    check: (run) => {
      const m = read(run);
      const s = m.summary('consistencyDelayMs');
      const pending = m.count('overdueAtEnd');
      const passed = pending === 0 && s.max <= CONSISTENCY_LIMIT_MS;
      return {
        passed,
        detail: `Slowest catch-up ${fmt(s.max / 1000)} s ${s.max <= CONSISTENCY_LIMIT_MS ? '≤' : '>'} ${CONSISTENCY_LIMIT_MS / 1000} s (mean ${fmt(s.mean)} ms); ${fmt(pending)} requests accepted over ${CONSISTENCY_LIMIT_MS / 1000} s before the end still waiting for a worker.`,
      };
    },
  },
];
