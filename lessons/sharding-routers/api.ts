/** How routers and shards find a key's shard; the knob `router` picks which scheme the cluster uses. */
export type RouterKind = 'range' | 'hash-mod' | 'consistent' | 'directory';

/**
 * One version of the cluster's shard map, as a router caches it from the coordination
 * service. Shards are numbered 0..shards−1; keys are user ids 0..keys−1. Only the fields
 * of `router`'s scheme are filled; the others are empty.
 */
export interface ShardMap {
  /** Version number; it goes up each time the map changes (a shard joins). */
  version: number;
  router: RouterKind;
  shards: number;
  /** Keys in the table: user ids 0..keys−1. */
  keys: number;
  /** MurmurHash3 (32-bit) of a key: an unsigned integer in 0..2^32−1, spread evenly. */
  hash(key: number): number;
  /** range: range i holds keys rangeStarts[i] .. rangeStarts[i+1]−1, on shard rangeOwners[i]. Sorted. */
  rangeStarts: ArrayLike<number>;
  rangeOwners: ArrayLike<number>;
  /** consistent: the ring's points (hash values, sorted ascending) and the shard owning each. */
  ringPoints: ArrayLike<number>;
  ringOwners: ArrayLike<number>;
  /** directory: which chunk a key is in (from its hash), and the chunk → shard table. */
  chunkOf(key: number): number;
  chunkOwners: ArrayLike<number>;
}

/**
 * The router: the shard (0..map.shards−1) that holds `key` under `map`. Every router and
 * every shard runs this same function, so it must depend only on the key and the map.
 */
export type Route = (key: number, map: ShardMap) => number;

/**
 * The table a range or directory map has once the new shard has joined. Fill the fields
 * of the map's scheme: owners may name any shard 0..newShard.
 */
export interface JoinPlan {
  /** range: where each range starts (ascending, the first 0) and the shard holding it. */
  rangeStarts?: ArrayLike<number>;
  rangeOwners?: ArrayLike<number>;
  /** directory: the shard holding each chunk (one entry per chunk, as many as map.chunkOwners). */
  chunkOwners?: ArrayLike<number>;
}

/**
 * The rebalancing plan, optional: called once, when shard `newShard` (= map.shards) joins
 * a range or directory map. Every key whose shard changes between `map` and the plan is
 * copied over. Hash mod N and the consistent-hash ring follow their own rule (N+1, and
 * the new shard's random points) and never call it. Leave it out and the cluster's own
 * plan runs.
 */
export type PlanJoin = (map: ShardMap, newShard: number) => JoinPlan;

export interface ShardingApi {
  route: Route;
  planJoin?: PlanJoin;
}
