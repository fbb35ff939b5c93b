import type { LatencySummary, MetricValue } from '../../engine/metrics';
import { checkName, labelledKey, type LabelOf, type MetricTable, type NamesOfKind } from './table';

const EMPTY: LatencySummary = Object.freeze({ p50: 0, p90: 0, p99: 0, mean: 0, max: 0, count: 0 });

/**
 * Typed access to a finished run's metrics for goals, predictions and tests. Each
 * accessor accepts only the names of its kind; an absent value reads as 0 only when
 * the table declares it (a declared metric that never moved), never for a typo.
 */
export interface MetricReader<T extends MetricTable> {
  /** A counter, time integral or derived figure. */
  count<N extends NamesOfKind<T, 'counter' | 'integral' | 'derived'>>(name: N, label?: LabelOf<T, N>): number;
  /** A gauge's peak over the run. */
  peak<N extends NamesOfKind<T, 'gauge'>>(name: N, label?: LabelOf<T, N>): number;
  summary<N extends NamesOfKind<T, 'summary'>>(name: N, label?: LabelOf<T, N>): LatencySummary;
}

export function metricReader<T extends MetricTable>(
  table: T,
  metrics: Readonly<Record<string, MetricValue>>,
): MetricReader<T> {
  const num = (key: string): number => {
    const v = metrics[key];
    return typeof v === 'number' ? v : 0;
  };
  return {
    count: (name, label) => num(labelledKey(label, name, checkName(table, name, label))),
    peak: (name, label) => num(`${labelledKey(label, name, checkName(table, name, label))}Max`),
    summary: (name, label) => {
      const v = metrics[labelledKey(label, name, checkName(table, name, label))];
      return typeof v === 'object' ? v : EMPTY;
    },
  };
}
