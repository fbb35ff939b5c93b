import { ticks } from 'd3';
import type { SampleSeries } from '../engine/metrics';
import { upperBound } from './search';

/**
 * Fixed bins over the whole run (so bars do not jump as playback moves) and an
 * order-statistics tree over the samples seen so far, so the count, the bars and the
 * exact p50/p99 at any t follow from the samples added or removed since the last frame.
 */
export interface HistogramData {
  /** Bin edges: bin k is [edges[k], edges[k+1]). */
  edges: number[];
  log: boolean;
  binOf: Uint16Array;
  /** Rank of each sample's value among all values (ties broken by order). */
  rankOf: Int32Array;
  sortedValues: Float64Array;
  times: Float64Array;
}

const BINS = 30;

export function buildHistogram(series: SampleSeries): HistogramData {
  const n = series.value.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = series.value[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0) [min, max] = [0, 1];
  // Latencies often span orders of magnitude (55 ms typical, 1,145 ms tail): log bins keep both readable.
  const log = min > 0 && max / min > 30;
  let edges: number[];
  if (log) {
    const lo = Math.log10(min);
    const hi = Math.log10(max) + 1e-9;
    edges = Array.from({ length: BINS + 1 }, (_, k) => 10 ** (lo + ((hi - lo) * k) / BINS));
  } else {
    const tk = ticks(min, max === min ? min + 1 : max, BINS);
    const step = tk.length > 1 ? (tk[1] as number) - (tk[0] as number) : 1;
    const start = Math.floor(min / step) * step;
    edges = [];
    for (let e = start; e <= max + step * 1e-9 || edges.length < 2; e += step)
      edges.push(Math.round(e * 1e9) / 1e9);
    if ((edges[edges.length - 1] as number) <= max) edges.push((edges[edges.length - 1] as number) + step);
  }
  const binOf = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const k = upperBound(edges, series.value[i] as number) - 1;
    binOf[i] = Math.max(0, Math.min(edges.length - 2, k));
  }
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (series.value[a] as number) - (series.value[b] as number) || a - b,
  );
  const rankOf = new Int32Array(n);
  order.forEach((i, r) => (rankOf[i] = r));
  return {
    edges,
    log,
    binOf,
    rankOf,
    sortedValues: Float64Array.from(order, (i) => series.value[i] as number),
    times: series.t,
  };
}

/** Samples observed up to t, kept incrementally: move t forward or back and pay only for the difference. */
export class PrefixCounts {
  readonly bins: Int32Array;
  private tree: Int32Array;
  private n = 0;
  constructor(private readonly h: HistogramData) {
    this.bins = new Int32Array(Math.max(0, h.edges.length - 1));
    this.tree = new Int32Array(h.sortedValues.length + 1);
  }

  get count(): number {
    return this.n;
  }

  /** Moves to "samples with time <= t". */
  seek(t: number): void {
    const target = upperBound(this.h.times, t);
    while (this.n < target) this.toggle(this.n++, 1);
    while (this.n > target) this.toggle(--this.n, -1);
  }

  private toggle(i: number, d: number): void {
    this.bins[this.h.binOf[i] as number]! += d;
    for (let r = (this.h.rankOf[i] as number) + 1; r < this.tree.length; r += r & -r) this.tree[r]! += d;
  }

  /** The k-th smallest (0-based) value among the samples so far (Fenwick descent). */
  private kth(k: number): number {
    let pos = 0;
    let rest = k + 1;
    for (let step = 1 << Math.floor(Math.log2(Math.max(1, this.tree.length - 1))); step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.tree.length && (this.tree[next] as number) < rest) {
        pos = next;
        rest -= this.tree[next] as number;
      }
    }
    return this.h.sortedValues[pos] as number;
  }

  /** Quantile with linear interpolation, the same definition as d3.quantileSorted (and the run's metrics). */
  quantile(p: number): number | undefined {
    if (this.n === 0) return undefined;
    const i = (this.n - 1) * p;
    const lo = Math.floor(i);
    const a = this.kth(lo);
    return lo + 1 < this.n ? a + (this.kth(lo + 1) - a) * (i - lo) : a;
  }
}
