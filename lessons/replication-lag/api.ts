/** One database server, as your routing rule sees it when a read arrives. */
export interface Replica {
  /** Its index in the list (what chooseReplica returns). */
  index: number;
  /** Its name on the page: db-0, db-1, ... */
  name: string;
  /** The leader takes the writes; followers replay its log. */
  role: 'leader' | 'follower';
  /**
   * Log position it has applied: entries 0 .. appliedPosition − 1 are visible to queries
   * there (PostgreSQL's pg_last_wal_replay_lsn(), MySQL's executed GTID set). On the
   * leader, the position of its last acknowledged-and-visible write.
   */
  appliedPosition: number;
  /** False while it is down. */
  up: boolean;
}

/** A read the application is about to send. */
export interface ReadRequest {
  /** The user reading (their session is passed alongside). */
  user: number;
  /** Whose profile is read (a user id). */
  profile: number;
  /** True when this is the reload right after the user's own profile update. */
  afterOwnWrite: boolean;
}

/** What the application remembers about one user's session (a cookie, a session store). */
export interface Session {
  user: number;
  /** Log position just after this user's last acknowledged write (0: none yet). */
  lastWritePosition: number;
  /** Highest appliedPosition of any replica that served this user a read (0: none yet). */
  lastReadPosition: number;
  /** Reads this session has made so far. */
  reads: number;
}

/** A write about to be committed on the leader. */
export interface WriteRequest {
  user: number;
  /** The log position this write will take. */
  position: number;
}

export type ReplicationMode = 'async' | 'semi-sync' | 'sync';

/** The knobs of the scenario your code runs in. */
export interface ClusterSettings {
  followers: number;
  /** The `mode` knob. */
  mode: ReplicationMode;
  latencyMs: number;
  applyMs: number;
}

export interface ReplicationLagApi {
  /** For every read: which replica (an index into `replicas`) serves it. */
  chooseReplica(request: ReadRequest, session: Session, replicas: readonly Replica[]): number;
  /** For every write: what its commit waits for (PostgreSQL lets a transaction set synchronous_commit). */
  commitMode(write: WriteRequest, settings: ClusterSettings): ReplicationMode;
}
