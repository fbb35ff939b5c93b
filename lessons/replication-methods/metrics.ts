import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure a replication-methods run reports. */
export const replicationMethodsMetrics = defineMetrics({
  statements: { kind: 'counter', unit: 'statements', help: 'Write statements the leader committed' },
  shippedAsRows: {
    kind: 'counter',
    unit: 'statements',
    help: 'Statements shipped as their changed rows (row or WAL method, or sent as rows by shipAsStatement)',
  },
  bytesShipped: {
    kind: 'counter',
    unit: 'bytes',
    help: 'Replication log bytes the leader sent to one follower',
  },
  rowBytesEquivalent: {
    kind: 'counter',
    unit: 'bytes',
    help: 'What row-based replication would have sent for the same statements',
  },
  divergedStatements: {
    kind: 'counter',
    unit: 'statements',
    help: 'Statements whose replay on a follower wrote other values than the leader did',
  },
  divergentRows: {
    kind: 'counter',
    unit: 'rows',
    help: 'Rows that differ from the leader’s at the end, summed over the followers still replicating',
  },
  followersStopped: {
    kind: 'counter',
    unit: 'followers',
    help: 'Followers that could not replay what was shipped (another major version) and stopped',
  },
  shippedBytesSoFar: { kind: 'gauge', unit: 'bytes', help: 'Bytes shipped since the start' },
  divergedSoFar: { kind: 'gauge', unit: 'statements', help: 'Statements that diverged on a follower so far' },
  bytesPerStatement: { kind: 'derived', unit: 'bytes', help: 'bytesShipped / statements' },
  divergedPerStatement: {
    kind: 'derived',
    unit: 'per statement',
    help: 'divergedStatements / statements (each statement is replayed on two followers)',
  },
  shareOfRowBytes: { kind: 'derived', unit: 'of row-based', help: 'bytesShipped / rowBytesEquivalent' },
});
