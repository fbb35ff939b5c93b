import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { replicationMethodsMetrics } from './metrics';
import type { ReplicationMethodsParams } from './params';

export const read = (run: RunOutcome) => metricReader(replicationMethodsMetrics, run.metrics);

/** The share of row-based bytes the lean goal allows. */
export const LEAN_SHARE = 0.5;

const pct = (x: number) => `${fmt(x * 100)}%`;

export const replicationMethodsGoals: Goal<ReplicationMethodsParams>[] = [
  {
    id: 'identical',
    title: 'Every follower ends with exactly the leader’s rows',
    check: (run) => {
      const m = read(run);
      const rows = m.count('divergentRows');
      return {
        passed: rows === 0 && m.count('statements') > 0,
        detail: `${fmt(rows)} rows differ from the leader's at the end; ${fmt(m.count('divergedStatements'))} of ${fmt(m.count('statements'))} statements wrote other values on a follower.`,
      };
    },
  },
  {
    id: 'all-followers',
    title: 'The follower on the next major version keeps replicating',
    check: (run) => {
      const stopped = read(run).count('followersStopped');
      return {
        passed: stopped === 0,
        detail: `${fmt(stopped)} of 2 followers stopped: ${stopped > 0 ? 'db-2 (version 17) cannot replay version 16 WAL' : 'both replay what the leader ships'}.`,
      };
    },
  },
  {
    id: 'lean',
    title: `Ships at most ${pct(LEAN_SHARE)} of the bytes row-based replication would`,
    check: (run) => {
      const m = read(run);
      const share = m.count('shareOfRowBytes');
      const passed = m.count('statements') > 0 && share <= LEAN_SHARE;
      return {
        passed,
        detail: `${fmt(m.count('bytesShipped') / 1000)} kB shipped to each follower, ${pct(share)} of the ${fmt(m.count('rowBytesEquivalent') / 1000)} kB row-based replication would send (${fmt(m.count('bytesPerStatement'))} bytes a statement; ${fmt(m.count('shippedAsRows'))} statements went as rows).`,
      };
    },
  },
];
