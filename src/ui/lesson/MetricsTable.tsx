import type { MetricValue } from '../../engine/metrics';
import { selectCurrent, selectVariants } from '../../state/selectors';
import { useStore } from '../../state/store';
import { formatNumber } from '../format';

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

/** Every metric of the run (one column per variant in compare mode). */
export function MetricsTable() {
  const current = useStore(selectCurrent);
  const variants = useStore(selectVariants);
  if (!current) return null;
  const runs = variants ?? [{ label: 'Value', result: current }];
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.result.metrics)))].sort();
  return (
    <section className="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics (whole run)</h2>
      <table data-testid="metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {runs.map((r) => (
              <th key={r.label} scope="col">
                {r.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((n) => (
            <tr key={n} data-metric={n}>
              <th scope="row">{humanize(n)}</th>
              {runs.map((r) => (
                <td key={r.label}>{cell(r.result.metrics[n])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
