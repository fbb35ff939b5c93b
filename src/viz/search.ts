import { bisectLeft, bisectRight } from 'd3';

/** Binary searches over sorted numeric arrays (typed or plain), used by every per-frame query: d3's bisectors. */
export type NumArray = ArrayLike<number>;

/** First index i in [lo, hi) with a[i] >= x (hi when none). */
export function lowerBound(a: NumArray, x: number, lo = 0, hi = a.length): number {
  return bisectLeft(a, x, lo, hi);
}

/** First index i in [lo, hi) with a[i] > x (hi when none): the count of elements <= x. */
export function upperBound(a: NumArray, x: number, lo = 0, hi = a.length): number {
  return bisectRight(a, x, lo, hi);
}

/** Sorted copy with duplicates removed. */
export function distinctSorted(values: NumArray): Float64Array {
  const s = Float64Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    if (n === 0 || s[i] !== s[n - 1]) s[n++] = s[i] as number;
  }
  return s.slice(0, n);
}
