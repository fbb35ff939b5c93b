import { upperBound } from './search';

export interface Series {
  t: Float64Array;
  v: Float64Array;
}

/**
 * The series of a labelled gauge, in label order: a metric `shardLoad` kept per label
 * `s0`, `s1`, … is reported as gauges `s0ShardLoad`, `s1ShardLoad`, … (see the kit's
 * metric table). Labels sort naturally (s2 before s10). `limit` keeps the first n.
 */
export function labelledSeries(
  gauges: ReadonlyMap<string, Series>,
  base: string,
  limit = Infinity,
): { label: string; series: Series }[] {
  const suffix = base.charAt(0).toUpperCase() + base.slice(1);
  const out: { label: string; series: Series }[] = [];
  for (const [key, series] of gauges)
    if (key.length > suffix.length && key.endsWith(suffix))
      out.push({ label: key.slice(0, -suffix.length), series });
  out.sort((a, b) => a.label.localeCompare(b.label, 'en', { numeric: true }));
  return out.slice(0, limit);
}

/** A step series' value at t (0 before its first sample). */
export function valueAt(series: Series, t: number): number {
  const i = upperBound(series.t, t) - 1;
  return i >= 0 ? (series.v[i] as number) : 0;
}

/** The largest value any of the series reached up to t (so an axis does not give away the future). */
export function maxUpTo(all: readonly { series: Series }[], t: number): number {
  let m = 0;
  for (const { series } of all) {
    const n = upperBound(series.t, t);
    for (let i = 0; i < n; i++) m = Math.max(m, series.v[i] as number);
  }
  return m;
}
