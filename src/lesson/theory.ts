import type { Metrics, TheoryClaim, TheoryRow } from './types';

/** The simulated value a claim is compared with (NaN when the run lacks the metric). */
export function observedValue(
  metrics: Metrics,
  claim: Pick<TheoryClaim<unknown>, 'metric' | 'field'>,
): number {
  const v = metrics[claim.metric];
  if (typeof v === 'number') return claim.field ? Number.NaN : v;
  if (v && typeof v === 'object') return v[claim.field ?? 'mean'];
  return Number.NaN;
}

/** True when `observed` is within either of the claim's tolerances of `predicted`. */
export function withinTolerance(
  predicted: number,
  observed: number,
  tolerance: TheoryClaim<unknown>['tolerance'],
): boolean {
  if (!Number.isFinite(predicted) || !Number.isFinite(observed)) return false;
  const diff = Math.abs(observed - predicted);
  if (tolerance.absolute !== undefined && diff <= tolerance.absolute) return true;
  if (tolerance.relative !== undefined && diff <= tolerance.relative * Math.abs(predicted)) return true;
  return false;
}

/** Judges every claim that applies to these params against one run's metrics. */
export function judgeTheory<P>(
  claims: readonly TheoryClaim<P>[] | undefined,
  metrics: Metrics,
  params: P,
): TheoryRow[] {
  const rows: TheoryRow[] = [];
  for (const c of claims ?? []) {
    const predicted = c.predict(params, metrics);
    if (predicted === undefined) continue;
    const observed = observedValue(metrics, c);
    rows.push({
      metric: c.metric,
      ...(c.field ? { field: c.field } : {}),
      title: c.title,
      formula: c.formula,
      why: c.why,
      unit: c.unit,
      predicted,
      observed,
      agrees: withinTolerance(predicted, observed, c.tolerance),
    });
  }
  return rows;
}
