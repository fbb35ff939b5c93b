import type { LatencySummary } from '../engine/metrics';
import type { Metrics } from './types';

/**
 * A counter, derived figure or `<gauge>Max` by its reported name. Every declared metric
 * is reported (the generic lesson test checks it), so an absent name is a typo: it
 * throws rather than reading as 0. Lesson code reads through `metricReader` instead.
 */
export function metricNumber(m: Metrics, name: string): number {
  const v = m[name];
  if (typeof v === 'number') return v;
  throw new Error(`no metric "${name}" in this run; reported: ${Object.keys(m).join(', ')}`);
}

/** A latency summary by its reported name; throws on a name the run does not report. */
export function metricSummary(m: Metrics, name: string): LatencySummary {
  const v = m[name];
  if (v && typeof v === 'object') return v;
  throw new Error(`no summary "${name}" in this run; reported: ${Object.keys(m).join(', ')}`);
}

/** Formats a figure for a sentence: 1234.5678 -> "1,235", 0.8333 -> "0.83". */
export function fmt(x: number): string {
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return x.toLocaleString('en-US', { maximumFractionDigits: digits });
}
