/** Figures of the scenario shared by the model, the goals and the theory (no runtime imports). */

/** One-way latency between the application and every database server (one region), ms. */
export const APP_LATENCY_MS = 1;
/** A server's local log flush (fsync of the WAL / binlog / relay log), ms. */
export const FLUSH_MS = 1;
/** Users, each with one session and one profile (key = user id). */
export const USERS = 24;
/** Share of background views that are of the viewer's own profile. */
export const OWN_VIEW_SHARE = 0.25;
/**
 * MySQL's rpl_semi_sync_source_timeout default: with no replica acknowledgement for this
 * long, the source gives up waiting and replicates asynchronously until one catches up
 * (https://dev.mysql.com/doc/refman/8.4/en/replication-semisync-interface.html).
 */
export const SEMI_SYNC_TIMEOUT_MS = 10_000;
/**
 * From the leader's death to the decision to promote a follower (failure detection by a
 * manager such as Orchestrator or Patroni; a modelling choice: both are configurable, and
 * Patroni's default leader-key TTL is 30 s).
 */
export const FAILOVER_AFTER_MS = 3000;
/** How often the leader re-sends what a follower has not acknowledged (after a cut link heals). */
export const RESEND_EVERY_MS = 500;
/** Replication lag is sampled for the chart this often, ms. */
export const LAG_SAMPLE_MS = 100;
/** The share of reads that must go to followers in the read-your-writes goal. */
export const FOLLOWER_SHARE_GOAL = 0.6;
/** Reads sampled for drawing per second (the others run the same way, unseen). */
export const DRAWN_READS_PER_SECOND = 12;
/** Writes drawn per second (their log shipping and acks too). */
export const DRAWN_WRITES_PER_SECOND = 4;
/** The write burst (the burstWritesPerSecond knob) starts this far into the run, ms. */
export const BURST_AT_MS = 8000;
/** And lasts this long, ms. */
export const BURST_MS = 2000;
