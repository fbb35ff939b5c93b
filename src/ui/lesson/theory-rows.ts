import type { TheoryRow } from '../../lesson/types';

/** A run's theory rows grouped by the metric they speak about (a latency summary can have several). */
export function theoryByMetric(rows: readonly TheoryRow[]): Map<string, TheoryRow[]> {
  const out = new Map<string, TheoryRow[]>();
  for (const r of rows) out.set(r.metric, [...(out.get(r.metric) ?? []), r]);
  return out;
}

/** "predicted 1,050 ms, simulated 1,063 ms (+1.2%)": the comparison in words. */
export function describeTheory(r: TheoryRow, format: (x: number) => string): string {
  const unit = r.unit ? ` ${r.unit}` : '';
  const sim = Number.isFinite(r.observed) ? `${format(r.observed)}${unit}` : 'not measured';
  const rel =
    Number.isFinite(r.observed) && r.predicted !== 0
      ? ` (${r.observed >= r.predicted ? '+' : '−'}${format(Math.abs((r.observed - r.predicted) / r.predicted) * 100)}%)`
      : '';
  const stat = r.field ? `${r.field} ` : '';
  return `${stat}predicted ${format(r.predicted)}${unit}, simulated ${sim}${rel}`;
}
