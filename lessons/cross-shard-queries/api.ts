/**
 * A query for one user's profile. The `users` table is sharded by `userId` (the shard key);
 * `email` is another column, so a query by email does not say which shard holds the row.
 */
export type Query =
  | { by: 'userId'; userId: number }
  /** `emailHash`: a stable 32-bit hash of the email, the key the global index is partitioned by. */
  | { by: 'email'; emailHash: number };

/** What the planner knows of the cluster. */
export interface Cluster {
  /** Shards, numbered 0 .. shards − 1. */
  shards: number;
  /** Whether a global secondary index on email is kept (the `plan` knob). */
  globalIndex: boolean;
  /** The shard holding a user's row (hash of the shard key). */
  shardOf(userId: number): number;
  /** The shard holding the global index entry for an email (hash of the email); only with a global index. */
  indexPartitionOf(emailHash: number): number;
}

/**
 * Which shards a query goes to:
 * - `{ kind: 'shards', shards: [...] }`: ask these shards (their local indexes) and merge the answers;
 *   every shard listed is waited for, so the slowest one sets the latency.
 * - `{ kind: 'index' }`: look the email up in the global index (one shard), then read the row from
 *   the shard the index names (a second shard). Only with a global index.
 */
export type Plan = { kind: 'shards'; shards: number[] } | { kind: 'index' };

/** The query planner: called once for every query. */
export type PlanQuery = (query: Query, cluster: Cluster) => Plan;

export interface CrossShardApi {
  planQuery: PlanQuery;
}
