/**
 * Which keys move between two mappings, as O(keys) typed-array work: one byte per key
 * (shards ≤ 255), no per-key objects.
 */

/** owners[k] = route(k) for every key 0..keys−1. */
export function ownersOf(keys: number, route: (key: number) => number): Uint8Array {
  const owners = new Uint8Array(keys);
  for (let k = 0; k < keys; k++) owners[k] = route(k);
  return owners;
}

export interface KeyMoves {
  /** Keys whose owner differs. */
  moved: number;
  /** moved / keys. */
  fraction: number;
  /** flows[from * stride + to]: keys moving from one shard to another (stride = shards after). */
  flows: Int32Array;
  stride: number;
}

/** Compares two owner arrays of the same keys. */
export function keyMoves(before: Uint8Array, after: Uint8Array, shardsAfter: number): KeyMoves {
  if (before.length !== after.length) throw new RangeError('both mappings must cover the same keys');
  const stride = shardsAfter;
  const flows = new Int32Array(stride * stride);
  let moved = 0;
  for (let k = 0; k < before.length; k++) {
    const a = before[k]!;
    const b = after[k]!;
    if (a !== b) {
      moved++;
      flows[a * stride + b]!++;
    }
  }
  return { moved, fraction: before.length ? moved / before.length : 0, flows, stride };
}

/** Keys per shard. */
export function keysPerShard(owners: Uint8Array, shards: number): Int32Array {
  const n = new Int32Array(shards);
  for (let k = 0; k < owners.length; k++) n[owners[k]!]!++;
  return n;
}

/** Relative standard deviation (population std / mean) of a list of loads. */
export function relativeSpread(loads: ArrayLike<number>): number {
  const n = loads.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += loads[i]!;
  const mean = sum / n;
  if (mean === 0) return 0;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (loads[i]! - mean) ** 2;
  return Math.sqrt(sq / n) / mean;
}

/** Busiest load over the mean (1 = perfectly even). */
export function imbalance(loads: ArrayLike<number>): number {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < loads.length; i++) {
    sum += loads[i]!;
    max = Math.max(max, loads[i]!);
  }
  return sum > 0 ? max / (sum / loads.length) : 0;
}
