import { defineMetrics } from '../../src/kit/metrics/table';

/** Replica names as metric labels: db0 is the first leader, db1.. the followers (8 at most). */
export const REPLICA_LABELS = ['db0', 'db1', 'db2', 'db3', 'db4', 'db5', 'db6', 'db7', 'db8'] as const;

/** Sessions whose last write the logs view marks (users 0, 1 and 2 of the 24). */
export const SHOWN_SESSIONS = ['u0', 'u1', 'u2'] as const;

/** Every figure a replication-lag run reports. */
export const replicationLagMetrics = defineMetrics({
  writes: { kind: 'counter', unit: 'writes', help: 'Profile updates the application sent' },
  writesAcknowledged: {
    kind: 'counter',
    unit: 'writes',
    help: 'Writes whose acknowledgement reached the application',
  },
  writesFailed: {
    kind: 'counter',
    unit: 'writes',
    help: 'Writes never acknowledged: sent to a dead leader, refused during a failover, or still waiting at the end',
  },
  reads: { kind: 'counter', unit: 'reads', help: 'Reads the application sent (views and reloads)' },
  readsAnswered: { kind: 'counter', unit: 'reads', help: 'Reads that came back with a value' },
  followerReads: { kind: 'counter', unit: 'reads', help: 'Reads answered by a follower' },
  staleReads: {
    kind: 'counter',
    unit: 'reads',
    help: 'Reads that returned an older version than the leader showed at that moment',
  },
  readYourWritesViolations: {
    kind: 'counter',
    unit: 'reads',
    help: 'Reads of your own profile older than your last acknowledged update',
  },
  monotonicReadViolations: {
    kind: 'counter',
    unit: 'reads',
    help: 'Reads older than a version the same user had already seen of that profile',
  },
  acknowledgedWritesLost: {
    kind: 'counter',
    unit: 'writes',
    help: 'Acknowledged writes the promoted follower never received (gone with the old leader)',
  },
  commits: {
    kind: 'counter',
    unit: 'writes',
    help: 'Writes by the mode their commit waited for (what commitMode returned): asyncCommits, semiSyncCommits, syncCommits',
    labels: ['async', 'semiSync', 'sync'],
    labelledOnly: true,
  },
  viewsChecked: {
    kind: 'counter',
    unit: 'checks',
    help: 'Each profile view (not a reload) checked against every follower as it was issued, while the leader was healthy (before it was cut off or crashed): one count per follower, normal (fast) or slow, wherever the view was routed',
    labels: ['fast', 'slow'],
    labelledOnly: true,
  },
  viewsBehind: {
    kind: 'counter',
    unit: 'checks',
    help: 'Of those checks, the times the follower was behind the leader on the viewed profile: a read there would have been stale',
    labels: ['fast', 'slow'],
    labelledOnly: true,
  },
  failovers: { kind: 'counter', unit: 'promotions', help: 'Followers promoted to leader' },
  semiSyncFallbacks: {
    kind: 'counter',
    unit: 'times',
    help: 'Times the leader stopped waiting for a follower (semi-sync timeout) and went asynchronous',
  },
  writeOutageMs: {
    kind: 'counter',
    unit: 'ms',
    help: 'Time with no leader taking writes (crash to promoted)',
  },
  replicationLagMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From a write entering the leader’s log to a follower applying it (each follower, each entry)',
    labels: ['fast', 'slow'],
    labelledAs: 'lagMs',
  },
  writeLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From the application sending a write to its acknowledgement arriving',
  },
  lagMs: {
    kind: 'gauge',
    unit: 'ms',
    help: 'Replication lag of the furthest-behind follower (sampled every 100 ms)',
  },
  lagEntries: {
    kind: 'gauge',
    unit: 'entries',
    help: 'Log entries the furthest-behind follower has yet to apply',
  },
  logEnd: {
    kind: 'gauge',
    unit: 'position',
    help: 'End of each replica’s log (received or written)',
    labels: REPLICA_LABELS,
    labelledOnly: true,
  },
  applied: {
    kind: 'gauge',
    unit: 'position',
    help: 'Log position each replica has applied (visible to its queries)',
    labels: REPLICA_LABELS,
    labelledOnly: true,
  },
  leaderLogEnd: {
    kind: 'gauge',
    unit: 'position',
    help: 'End of the current leader’s log: the position the next write will take',
  },
  lastWrite: {
    kind: 'gauge',
    unit: 'position',
    help: 'Log position just after the last acknowledged write of users 0–2 (their session’s lastWritePosition)',
    labels: SHOWN_SESSIONS,
    labelledOnly: true,
  },
  logStart: { kind: 'gauge', unit: 'position', help: 'First log position kept (0: nothing is deleted)' },
  replicas: { kind: 'gauge', unit: 'servers', help: 'Database servers in the run (leader and followers)' },
  followerReadShare: { kind: 'derived', unit: 'of reads', help: 'followerReads / readsAnswered' },
  staleReadShare: { kind: 'derived', unit: 'of reads', help: 'staleReads / readsAnswered' },
  fastStaleViewShare: {
    kind: 'derived',
    unit: 'of views',
    help: 'fastViewsBehind / fastViewsChecked: the share of views a normal follower would have answered stale',
  },
  slowStaleViewShare: {
    kind: 'derived',
    unit: 'of views',
    help: 'slowViewsBehind / slowViewsChecked: the share of views the slow follower would have answered stale',
  },
});
