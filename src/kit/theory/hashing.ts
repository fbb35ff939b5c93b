/**
 * What the hashing literature predicts for routing keys to shards (Karger et al.,
 * "Consistent Hashing and Random Trees", STOC 1997; DeCandia et al., "Dynamo", SOSP 2007).
 * Keys are assumed to hash uniformly.
 */

/**
 * Share of keys that move when hash-mod-N routing goes from `from` to `to` shards.
 * A key stays only if h mod from = h mod to. The pattern repeats every lcm(from, to)
 * values of h, so walking one period gives the exact share for any pair; N → N+1 gives
 * N/(N+1): almost every key moves.
 */
export function movedFractionModN(from: number, to: number): number {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= 1)) {
    throw new RangeError('shard counts must be whole numbers >= 1');
  }
  const period = lcm(from, to);
  if (period > 1e7) return 1 - 1 / Math.max(from, to); // the walk is too long; this is the N→N+1 limit
  let stay = 0;
  for (let h = 0; h < period; h++) if (h % from === h % to) stay++;
  return 1 - stay / period;
}

/**
 * Consistent hashing: adding one shard to N moves only the keys the new shard takes
 * over, 1/(N+1) of them in expectation (each shard owns 1/(N+1) of the ring afterwards).
 */
export function movedFractionConsistent(shardsBefore: number): number {
  return 1 / (shardsBefore + 1);
}

/**
 * Spread of one shard's share of the ring with v virtual nodes per shard and N shards.
 * The N·v points cut the circle into N·v uniform spacings; a shard's share is the sum of
 * v of them, Beta(v, N·v − v), with mean 1/N and relative standard deviation
 * sqrt((N − 1)/(N·v + 1)), about 1/√v: 100 virtual nodes give ±10 %, 1 gives ±100 %.
 */
export function shareRelativeStd(shards: number, virtualNodes: number): number {
  return Math.sqrt((shards - 1) / (shards * virtualNodes + 1));
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}
