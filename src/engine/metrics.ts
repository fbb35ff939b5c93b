import { DDSketch } from '@datadog/sketches-js';
import { quantileSorted } from 'd3-array';
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
  /**
   * Observations the series stands for when it is a sample of them (more than
   * EXACT_SAMPLES were made); absent when it holds every observation.
   */
  sampledFrom?: number;
}

/**
 * Observations a summary keeps exactly. Up to this many, percentiles are exact and
 * histograms show every observation (every default scenario stays well under it).
 * Beyond it, memory stays bounded: percentiles come from a DDSketch and histograms
 * from a uniform reservoir sample of this size.
 */
export const EXACT_SAMPLES = 65_536;
/**
 * DDSketch relative accuracy: every quantile it reports is within 1% of the true value
 * of that quantile (relative error, whatever the distribution), in O(log(max/min)) memory.
 */
export const SKETCH_RELATIVE_ACCURACY = 0.01;

/** Seeded 32-bit generator for the reservoir (mulberry32): the same sample in Node and the browser. */
function reservoirRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashName(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A latency summary in bounded memory: exact while small, then a DDSketch for the
 * percentiles (plus exact count, mean and max) and a reservoir sample for histograms.
 */
class Samples {
  private buf = new Float64Array(256);
  private times = new Float64Array(256);
  /** Observations made (all of them, not only those kept). */
  n = 0;
  private sum = 0;
  private max = -Infinity;
  private sketch: DDSketch | undefined;
  private random: (() => number) | undefined;
  constructor(private readonly name: string) {}

  add(x: number, t: number): void {
    const n = this.n++;
    this.sum += x;
    if (x > this.max) this.max = x;
    if (n < EXACT_SAMPLES) {
      if (n === this.buf.length) this.grow();
      this.times[n] = t;
      this.buf[n] = x;
      return;
    }
    if (this.sketch === undefined) this.startSketch();
    (this.sketch as DDSketch).accept(x > 0 ? x : 0);
    // Algorithm R: the kept samples stay a uniform sample of all observations.
    const j = Math.floor((this.random as () => number)() * (n + 1));
    if (j < EXACT_SAMPLES) {
      this.buf[j] = x;
      this.times[j] = t;
    }
  }

  private grow(): void {
    const size = Math.min(EXACT_SAMPLES, this.buf.length * 2);
    const next = new Float64Array(size);
    next.set(this.buf);
    this.buf = next;
    const nextT = new Float64Array(size);
    nextT.set(this.times);
    this.times = nextT;
  }

  private startSketch(): void {
    const sketch = new DDSketch({ relativeAccuracy: SKETCH_RELATIVE_ACCURACY });
    for (let i = 0; i < this.buf.length; i++) sketch.accept(Math.max(0, this.buf[i] as number));
    this.sketch = sketch;
    this.random = reservoirRandom(hashName(this.name));
  }

  /** The kept observations in time order. */
  series(): SampleSeries {
    const kept = Math.min(this.n, EXACT_SAMPLES);
    if (this.sketch === undefined) return { t: this.times.slice(0, kept), value: this.buf.slice(0, kept) };
    const order = Array.from({ length: kept }, (_, i) => i).sort(
      (a, b) => (this.times[a] as number) - (this.times[b] as number) || a - b,
    );
    return {
      t: Float64Array.from(order, (i) => this.times[i] as number),
      value: Float64Array.from(order, (i) => this.buf[i] as number),
      sampledFrom: this.n,
    };
  }

  summary(): LatencySummary {
    if (this.n === 0) return { p50: 0, p90: 0, p99: 0, mean: 0, max: 0, count: 0 };
    const mean = round(this.sum / this.n);
    const max = round(this.max);
    const sketch = this.sketch;
    if (sketch !== undefined) {
      // Clamped to the exact max: the sketch's bucket midpoint may sit just above it.
      const q = (p: number) => round(Math.min(this.max, sketch.getValueAtQuantile(p)));
      return { p50: q(0.5), p90: q(0.9), p99: q(0.99), mean, max, count: this.n };
    }
    const s = this.buf.slice(0, this.n).sort();
    const q = (p: number) => round(quantileSorted(s as unknown as number[], p) ?? 0);
    return { p50: q(0.5), p90: q(0.9), p99: q(0.99), mean, max, count: this.n };
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

  /** Observations made so far, over every summary (a measure of the run's work). */
  observations = 0;

  observe(name: string, value: number): void {
    this.observations++;
    let s = this.summaries.get(name);
    if (!s) this.summaries.set(name, (s = new Samples(name)));
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
    // Fractional counters (time integrals such as connection-ms) are rounded like summaries:
    // the last bits of a long float sum can differ between JavaScript engines' Math
    // (Node's V8 against the browser's), and a report must read the same in both.
    for (const [k, v] of this.counters) out[k] = Number.isInteger(v) ? v : round(v);
    for (const [k, g] of this.gauges) out[`${k}Max`] = Number.isInteger(g.max) ? g.max : round(g.max);
    for (const [k, s] of this.summaries) out[k] = s.summary();
    return out;
  }

  /** Ensures a summary exists (reported with count 0 when nothing was observed). */
  declareSummary(...names: string[]): void {
    for (const n of names) if (!this.summaries.has(n)) this.summaries.set(n, new Samples(n));
  }
}
