import { hash32, HASH_SPACE } from './hash';

/**
 * Key-to-shard mappings as plain data (typed arrays), one kind per routing scheme. Keys are
 * integers 0..keys−1 (user ids); shards are numbered 0..shards−1. Every function here is
 * pure: the same inputs give the same mapping, so a router and a shard holding the same
 * version agree on every key.
 */

/** Key ranges: range i holds keys [starts[i], starts[i+1]) and lives on owners[i]. */
export interface RangeMap {
  kind: 'range';
  shards: number;
  starts: Uint32Array;
  owners: Uint8Array;
  /** One past the last key. */
  keys: number;
}

/** hash(key) mod N. */
export interface HashModMap {
  kind: 'hash-mod';
  shards: number;
}

/** A consistent-hash ring: sorted points on [0, 2^32), each owned by a shard (v per shard). */
export interface RingMap {
  kind: 'consistent';
  shards: number;
  virtualNodes: number;
  points: Uint32Array;
  owners: Uint8Array;
}

/** A directory: a fixed number of hashed chunks, each assigned to a shard by a table. */
export interface DirectoryMap {
  kind: 'directory';
  shards: number;
  /** chunk → shard (the table a coordination service holds). */
  owners: Uint8Array;
}

export type ShardMapData = RangeMap | HashModMap | RingMap | DirectoryMap;
export type RouterKind = ShardMapData['kind'];

/** Chunks of the directory (a power of two, so a chunk is the hash's top bits). Dynamo-style fixed partitions, Q ≫ shards. */
export const DIRECTORY_CHUNKS = 4096;
const CHUNK_SHIFT = 32 - Math.log2(DIRECTORY_CHUNKS);
/** Shards a map can hold (owners are bytes). */
export const MAX_SHARDS = 255;

function checkShards(n: number): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= MAX_SHARDS))
    throw new RangeError(`shards must be a whole number in 1..${MAX_SHARDS} (got ${n})`);
}

/** N equal ranges of keys 0..keys−1 (the first ones one key longer when N does not divide keys). */
export function evenRanges(keys: number, shards: number): RangeMap {
  checkShards(shards);
  const starts = new Uint32Array(shards);
  const owners = new Uint8Array(shards);
  for (let i = 0; i < shards; i++) {
    starts[i] = Math.floor((i * keys) / shards);
    owners[i] = i;
  }
  return { kind: 'range', shards, starts, owners, keys };
}

/** Adds a shard by splitting the widest range in two; the new shard takes the upper half. */
export function splitWidestRange(m: RangeMap): RangeMap {
  let widest = 0;
  let width = -1;
  for (let i = 0; i < m.starts.length; i++) {
    const w = (i + 1 < m.starts.length ? m.starts[i + 1]! : m.keys) - m.starts[i]!;
    if (w > width) [widest, width] = [i, w];
  }
  const mid = m.starts[widest]! + Math.ceil(width / 2);
  const starts = new Uint32Array(m.starts.length + 1);
  const owners = new Uint8Array(m.owners.length + 1);
  starts.set(m.starts.subarray(0, widest + 1));
  owners.set(m.owners.subarray(0, widest + 1));
  starts[widest + 1] = mid;
  owners[widest + 1] = m.shards;
  starts.set(m.starts.subarray(widest + 1), widest + 2);
  owners.set(m.owners.subarray(widest + 1), widest + 2);
  return { ...m, shards: m.shards + 1, starts, owners };
}

/** The range holding `key`: the last start ≤ key (binary search). */
export function rangeOwner(m: RangeMap, key: number): number {
  let lo = 0;
  let hi = m.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (m.starts[mid]! <= key) lo = mid;
    else hi = mid - 1;
  }
  return m.owners[lo]!;
}

export function hashMod(shards: number): HashModMap {
  checkShards(shards);
  return { kind: 'hash-mod', shards };
}

/**
 * A ring with `virtualNodes` points per shard at random positions (`draw` gives uniforms in
 * [0, 1): pass a seeded stream), as Cassandra picks random tokens. Adding a shard keeps every
 * existing point, which is what makes the ring consistent.
 */
export function ring(shards: number, virtualNodes: number, draw: () => number): RingMap {
  checkShards(shards);
  if (!(Number.isInteger(virtualNodes) && virtualNodes >= 1))
    throw new RangeError(`virtualNodes must be a whole number >= 1 (got ${virtualNodes})`);
  // Drawn shard by shard, in the order addToRing would draw them.
  const n = shards * virtualNodes;
  const tagged = new Float64Array(n);
  for (let s = 0; s < shards; s++)
    for (let i = 0; i < virtualNodes; i++)
      tagged[s * virtualNodes + i] = (Math.floor(draw() * HASH_SPACE) >>> 0) * 256 + s;
  tagged.sort();
  const points = new Uint32Array(n);
  const owners = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    points[i] = Math.floor(tagged[i]! / 256);
    owners[i] = tagged[i]! % 256;
  }
  return { kind: 'consistent', shards, virtualNodes, points, owners };
}

/** The ring with one more shard (numbered m.shards) and its `virtualNodes` new points. */
export function addToRing(m: RingMap, draw: () => number): RingMap {
  const v = m.virtualNodes;
  const fresh = Array.from({ length: v }, () => Math.floor(draw() * HASH_SPACE) >>> 0).sort((a, b) => a - b);
  const n = m.points.length + v;
  const points = new Uint32Array(n);
  const owners = new Uint8Array(n);
  // Merge two sorted lists.
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= v || (i < m.points.length && m.points[i]! <= fresh[j]!)) {
      points[k] = m.points[i]!;
      owners[k] = m.owners[i++]!;
    } else {
      points[k] = fresh[j++]!;
      owners[k] = m.shards;
    }
  }
  return { ...m, shards: m.shards + 1, points, owners };
}

/** The shard owning hash h: the first point at or after h clockwise (binary search, wrapping). */
export function ringOwner(m: RingMap, h: number): number {
  const p = m.points;
  let lo = 0;
  let hi = p.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p[mid]! < h) lo = mid + 1;
    else hi = mid;
  }
  return m.owners[lo === p.length ? 0 : lo]!;
}

/** Each shard's share of the ring (the arcs ending at its points), summing to 1. */
export function ringShares(m: RingMap): Float64Array {
  const shares = new Float64Array(m.shards);
  const p = m.points;
  for (let i = 0; i < p.length; i++) {
    const prev = i === 0 ? p[p.length - 1]! - HASH_SPACE : p[i - 1]!;
    const o = m.owners[i]!;
    shares[o] = shares[o]! + (p[i]! - prev) / HASH_SPACE;
  }
  return shares;
}

/** A directory with its chunks dealt round-robin over the shards. */
export function directory(shards: number): DirectoryMap {
  checkShards(shards);
  const owners = new Uint8Array(DIRECTORY_CHUNKS);
  for (let c = 0; c < DIRECTORY_CHUNKS; c++) owners[c] = c % shards;
  return { kind: 'directory', shards, owners };
}

export function chunkOf(key: number): number {
  return hash32(key) >>> CHUNK_SHIFT;
}

/**
 * The rebalancing plan of a directory when a shard joins: the new shard takes
 * ⌊Q/(N+1)⌋ chunks, one at a time from whichever shard holds the most (lowest number on a
 * tie). Only those chunks move: as close to 1/(N+1) of the keys as chunks allow.
 */
export function directoryWithShard(m: DirectoryMap): DirectoryMap {
  const owners = m.owners.slice();
  const fresh = m.shards;
  const held = new Int32Array(m.shards + 1);
  for (const o of owners) held[o]!++;
  const take = Math.floor(DIRECTORY_CHUNKS / (m.shards + 1));
  for (let t = 0; t < take; t++) {
    let donor = 0;
    for (let s = 1; s < m.shards; s++) if (held[s]! > held[donor]!) donor = s;
    // The donor gives its last chunk (a deterministic choice).
    const c = owners.lastIndexOf(donor);
    owners[c] = fresh;
    held[donor]!--;
    held[fresh]!++;
  }
  return { kind: 'directory', shards: m.shards + 1, owners };
}

/** The shard a map sends `key` to. */
export function ownerOf(m: ShardMapData, key: number): number {
  switch (m.kind) {
    case 'range':
      return rangeOwner(m, key);
    case 'hash-mod':
      return hash32(key) % m.shards;
    case 'consistent':
      return ringOwner(m, hash32(key));
    case 'directory':
      return m.owners[chunkOf(key)]!;
  }
}

/** The same mapping with one more shard, by each scheme's own rule. */
export function withShard(m: ShardMapData, draw: () => number): ShardMapData {
  switch (m.kind) {
    case 'range':
      return splitWidestRange(m);
    case 'hash-mod':
      return hashMod(m.shards + 1);
    case 'consistent':
      return addToRing(m, draw);
    case 'directory':
      return directoryWithShard(m);
  }
}
