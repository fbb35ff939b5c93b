import { quantileSorted } from 'd3';
import { EventKind, type TraceRecorder } from './trace';

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  count: number;
}
export type MetricValue = number | LatencySummary;

/** Observations of one summary with the virtual time of each, for histograms up to a moment. */
export interface SampleSeries {
  t: Float64Array;
  value: Float64Array;
}

/** Growable sample buffer for a latency summary (no per-sample objects). */
class Samples {
  private buf = new Float64Array(256);
  private times = new Float64Array(256);
  n = 0;
  add(x: number, t: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
      const nextT = new Float64Array(this.times.length * 2);
      nextT.set(this.times);
      this.times = nextT;
    }
    this.times[this.n] = t;
    this.buf[this.n++] = x;
  }
  series(): SampleSeries {
    return { t: this.times.slice(0, this.n), value: this.buf.slice(0, this.n) };
  }
  summary(): LatencySummary {
    if (this.n === 0) return { p50: 0, p90: 0, p99: 0, mean: 0, max: 0, count: 0 };
    const s = this.buf.slice(0, this.n).sort();
    let sum = 0;
    for (let i = 0; i < s.length; i++) sum += s[i] as number;
    const q = (p: number) => round(quantileSorted(s as unknown as number[], p) ?? 0);
    return {
      p50: q(0.5),
      p90: q(0.9),
      p99: q(0.99),
      mean: round(sum / s.length),
      max: round(s[s.length - 1] as number),
      count: s.length,
    };
  }
}

/** Rounds to microsecond precision so printed figures are stable and readable. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

interface Gauge {
  index: number;
  value: number;
  max: number;
}

/**
 * Counters, gauges (sampled into the trace whenever they change, for time-series
 * charts) and latency summaries, all updated incrementally during a run.
 */
export class Metrics {
  private counters = new Map<string, number>();
  private gauges = new Map<string, Gauge>();
  private summaries = new Map<string, Samples>();

  constructor(
    private readonly trace: TraceRecorder,
    private readonly now: () => number,
  ) {}

  inc(name: string, by = 1): void {
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  count(name: string): number {
    return this.counters.get(name) ?? 0;
  }

  /** Declares counters so they appear (as 0) even when nothing happened. */
  declare(...names: string[]): void {
    for (const n of names) if (!this.counters.has(n)) this.counters.set(n, 0);
  }

  set(name: string, value: number): void {
    let g = this.gauges.get(name);
    if (!g) {
      g = { index: this.trace.gauges.length, value: Number.NaN, max: value };
      this.trace.gauges.push(name);
      this.gauges.set(name, g);
    }
    if (g.value === value) return;
    g.value = value;
    if (value > g.max) g.max = value;
    this.trace.push(EventKind.Gauge, this.now(), g.index, -1, -1, value);
  }

  add(name: string, delta: number): void {
    this.set(name, (this.gauges.get(name)?.value || 0) + delta);
  }

  gauge(name: string): number {
    return this.gauges.get(name)?.value ?? 0;
  }

  gaugeMax(name: string): number {
    return this.gauges.get(name)?.max ?? 0;
  }

  observe(name: string, value: number): void {
    let s = this.summaries.get(name);
    if (!s) this.summaries.set(name, (s = new Samples()));
    s.add(value, this.now());
  }

  /** Every summary's observations with their times (the UI draws histograms from them). */
  series(): Record<string, SampleSeries> {
    const out: Record<string, SampleSeries> = {};
    for (const [k, s] of this.summaries) out[k] = s.series();
    return out;
  }

  /**
   * Every metric by name: counters as numbers, each gauge as `<name>Max` (its peak),
   * each summary as p50/p90/p99/mean/max/count.
   */
  snapshot(): Record<string, MetricValue> {
    const out: Record<string, MetricValue> = {};
    for (const [k, v] of this.counters) out[k] = v;
    for (const [k, g] of this.gauges) out[`${k}Max`] = g.max;
    for (const [k, s] of this.summaries) out[k] = s.summary();
    return out;
  }

  /** Ensures a summary exists (reported with count 0 when nothing was observed). */
  declareSummary(...names: string[]): void {
    for (const n of names) if (!this.summaries.has(n)) this.summaries.set(n, new Samples());
  }
}
