import { bisectRight } from 'd3-array';
import type { Rng } from '../../engine/random';

/**
 * Keys 0..n-1 drawn with P(k) ∝ 1/(k+1)^s (Zipf's law; s = 1 is the classic case,
 * and YCSB's default request distribution uses s = 0.99: Cooper et al., "Benchmarking
 * Cloud Serving Systems with YCSB", SoCC 2010). The cumulative table is built once;
 * each draw is one uniform and a binary search, no allocation.
 */
export class Zipf {
  private readonly cdf: Float64Array;

  constructor(
    readonly n: number,
    readonly s: number,
    private readonly rng: Rng,
  ) {
    if (!(n >= 1)) throw new RangeError(`Zipf needs at least one key (n = ${n})`);
    const shares = zipfShares(n, s);
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) this.cdf[k] = sum += shares[k] as number;
  }

  /** The probability of key k. */
  p(k: number): number {
    return (this.cdf[k] as number) - (k > 0 ? (this.cdf[k - 1] as number) : 0);
  }

  next(): number {
    return Math.min(this.n - 1, bisectRight(this.cdf, this.rng.next()));
  }
}

/**
 * P(k) for keys 0..n-1 under Zipf's law with exponent s (s = 0: uniform): what theory
 * uses for the load a hot key (or the partition holding it) receives.
 */
export function zipfShares(n: number, s: number): Float64Array {
  if (!(n >= 1)) throw new RangeError(`Zipf needs at least one key (n = ${n})`);
  const out = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) sum += out[k] = 1 / (k + 1) ** s;
  for (let k = 0; k < n; k++) out[k] = (out[k] as number) / sum;
  return out;
}

/** The share of draws each bucket receives when key k goes to bucket `route(k)` (e.g. a partition). */
export function bucketShares(
  shares: ArrayLike<number>,
  buckets: number,
  route: (key: number) => number,
): Float64Array {
  const out = new Float64Array(buckets);
  for (let k = 0; k < shares.length; k++) out[route(k)]! += shares[k] as number;
  return out;
}
