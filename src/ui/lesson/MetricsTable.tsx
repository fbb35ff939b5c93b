import type { MetricValue } from '../../engine/metrics';
import { selectCurrent, selectStale, selectVariants } from '../../state/selectors';
import { useStore } from '../../state/store';
import { formatNumber } from '../format';
import { TheoryCell } from './TheoryCell';
import { theoryByMetric } from './theory-rows';

/** "requestsPerUpdate" -> "requests per update". */
function humanize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function cell(v: MetricValue | undefined): string {
  if (v === undefined) return '–';
  if (typeof v === 'number') return formatNumber(v);
  if (v.count === 0) return 'no samples';
  return `p50 ${formatNumber(v.p50)} · p99 ${formatNumber(v.p99)} · max ${formatNumber(v.max)} (n=${formatNumber(v.count)})`;
}

/** Every metric of the run (one column per variant in compare mode), with what theory predicts beside it. */
export function MetricsTable() {
  const current = useStore(selectCurrent);
  const variants = useStore(selectVariants);
  const stale = useStore(selectStale);
  if (!current) return null;
  const runs = variants ?? [{ label: 'Value', result: current }];
  const theory = runs.map((r) => theoryByMetric(r.result.theory ?? []));
  // A claim about a metric the run lacks still gets its row (and says "not measured").
  const names = [
    ...new Set([
      ...runs.flatMap((r) => Object.keys(r.result.metrics)),
      ...theory.flatMap((m) => [...m.keys()]),
    ]),
  ].sort();
  const hasTheory = theory.some((m) => m.size > 0);
  return (
    <section className="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">
        Metrics (whole run)
        {stale ? <span className="from-previous"> (from the previous run)</span> : null}
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Metrics table">
        <table data-testid="metrics">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {runs.map((r) => [
                <th key={r.label} scope="col">
                  {r.label === 'Value' && hasTheory ? 'Simulated' : r.label}
                </th>,
                hasTheory ? (
                  <th key={`${r.label}-theory`} scope="col">
                    {runs.length > 1 ? `Theory (${r.label})` : 'Theory'}
                  </th>
                ) : null,
              ])}
            </tr>
          </thead>
          <tbody>
            {names.map((n) => (
              <tr key={n} data-metric={n}>
                <th scope="row">{humanize(n)}</th>
                {runs.map((r, i) => [
                  <td key={r.label}>{cell(r.result.metrics[n])}</td>,
                  hasTheory ? (
                    <td key={`${r.label}-theory`} className="theory-cell">
                      {(theory[i]?.get(n) ?? []).map((row) => (
                        <TheoryCell key={`${row.metric}.${row.field ?? ''}`} row={row} />
                      ))}
                    </td>
                  ) : null,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
