import type { LatencySummary } from '../engine/metrics';
import type { Metrics } from './types';

/** A counter or derived number by name (0 when absent). */
export function metricNumber(m: Metrics, name: string): number {
  const v = m[name];
  return typeof v === 'number' ? v : 0;
}

/** A latency summary by name (all zero when absent). */
export function metricSummary(m: Metrics, name: string): LatencySummary {
  const v = m[name];
  return typeof v === 'object' ? v : { p50: 0, p90: 0, p99: 0, mean: 0, max: 0, count: 0 };
}

/** Formats a figure for a sentence: 1234.5678 -> "1,235", 0.8333 -> "0.83". */
export function fmt(x: number): string {
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}
