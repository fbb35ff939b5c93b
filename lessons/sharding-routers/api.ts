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

export interface ShardingApi {
  route: Route;
}
