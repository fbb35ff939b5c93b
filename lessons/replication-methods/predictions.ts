import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { ReplicationMethodsParams } from './params';

const prediction = predictionsFor<ReplicationMethodsParams>();

export const replicationMethodsPredictions = [
  prediction({
    id: 'row-bytes',
    question:
      'Same workload, shipped as changed rows instead of SQL text (with a few unsafe statements as rows either way). How many times more bytes cross the network?',
    choices: [
      { id: 'under-2', label: 'Less than twice as many' },
      { id: 'over-2', label: 'More than twice as many' },
    ],
    runs: { rows: { method: 'row' }, statements: { method: 'statement' } },
    grade: (o) => {
      const r = read(o.rows).count('bytesShipped');
      const s = read(o.statements).count('bytesShipped');
      const ratio = r / Math.max(1, s);
      return {
        answer: ratio >= 2 ? 'over-2' : 'under-2',
        explanation: `${fmt(r / 1000)} kB as rows against ${fmt(s / 1000)} kB as statements: ${fmt(ratio)}×. One team-wide UPDATE is ~60 bytes of SQL but 20 rows with before and after images.`,
      };
    },
  }),
  prediction({
    id: 'wal-upgrade',
    question:
      'The leader runs PostgreSQL 16 and streams its write-ahead log; one follower already runs 17. What does that follower do?',
    choices: [
      { id: 'replays', label: 'Replays it: the data is the same' },
      { id: 'stops', label: 'Cannot replay it and stops' },
    ],
    runs: { wal: { method: 'wal' } },
    grade: (o) => {
      const stopped = read(o.wal).count('followersStopped');
      return {
        answer: stopped > 0 ? 'stops' : 'replays',
        explanation: `${fmt(stopped)} follower stopped: WAL records describe pages of one storage format, so physical replication needs the same major version; logical (row) replication is how PostgreSQL upgrades with little downtime.`,
      };
    },
  }),
];
