/**
 * A lesson's metrics, declared once as a const table. Every other use (writing during
 * a run, goals, predictions, theory claims, views, tests) names a metric through the
 * types derived here, so a misspelled name fails `tsc`; the writer and the reader
 * also throw at run time on a name the table does not hold.
 *
 * Source: the pattern of excalidraw's `appState.ts` table and Prometheus' metric
 * kinds (https://prometheus.io/docs/concepts/metric_types/): counter, gauge, summary;
 * plus a time integral (a gauge's area, e.g. connection-seconds) and derived figures
 * computed from the others at the end of a run.
 */

export type MetricKind = 'counter' | 'gauge' | 'summary' | 'integral' | 'derived';

export interface MetricSpec {
  kind: MetricKind;
  /** Unit as shown to the learner: 'requests', 'ms', 'bytes', 'connection-ms'... */
  unit: string;
  /** One line: what is counted. */
  help: string;
  /**
   * Label values this metric is also kept per, e.g. `['ticker', 'chat']` for a
   * workload label. A labelled write also counts in the unlabelled total. The
   * labelled series is reported as `<value><Name>` (`tickerRequests`).
   */
  labels?: readonly string[];
  /** Only the labelled series are reported (no unlabelled total). */
  labelledOnly?: boolean;
  /** Base of the labelled series' names when it differs from the total's (`deliveryLatencyMs` → `tickerLatencyMs`). */
  labelledAs?: string;
}

export type MetricTable = Readonly<Record<string, MetricSpec>>;

/** Declares a lesson's metric table (an identity function that keeps literal types). */
export function defineMetrics<const T extends MetricTable>(table: T): T {
  return table;
}

export type MetricName<T extends MetricTable> = keyof T & string;
export type NamesOfKind<T extends MetricTable, K extends MetricKind> = {
  [N in keyof T]: T[N]['kind'] extends K ? N : never;
}[keyof T] &
  string;
export type LabelOf<T extends MetricTable, N extends keyof T> = T[N]['labels'] extends readonly (infer L)[]
  ? L & string
  : never;

/** The name a labelled series is reported under: label value + capitalised name. */
export type LabelledKey<L extends string, N extends string> = `${L}${Capitalize<N>}`;

type BaseOf<T extends MetricTable, N extends keyof T & string> = T[N]['labelledAs'] extends string
  ? T[N]['labelledAs']
  : N;

/** Every key a run's metrics may hold for this table (gauges are reported as `<name>Max`). */
export type MetricKey<T extends MetricTable> = {
  [N in keyof T & string]:
    | (T[N]['kind'] extends 'gauge' ? `${N}Max` : N)
    | (T[N]['kind'] extends 'gauge'
        ? `${LabelledKey<LabelOf<T, N>, BaseOf<T, N>>}Max`
        : LabelledKey<LabelOf<T, N>, BaseOf<T, N>>);
}[keyof T & string];

/** A series name of the given kind (the total or a labelled series), as views bind to it. */
export type SeriesOfKind<T extends MetricTable, K extends MetricKind> = {
  [N in NamesOfKind<T, K>]: N | LabelledKey<LabelOf<T, N>, BaseOf<T, N>>;
}[NamesOfKind<T, K>];

export function labelledKey(label: string | undefined, name: string, spec?: MetricSpec): string {
  if (label === undefined) return name;
  const base = spec?.labelledAs ?? name;
  return label + base.charAt(0).toUpperCase() + base.slice(1);
}

/** Every key one metric is reported under (the total unless labelledOnly, then one per label). */
export function reportedKeys(name: string, spec: MetricSpec): string[] {
  const keys = spec.labelledOnly ? [] : [name];
  for (const l of spec.labels ?? []) keys.push(labelledKey(l, name, spec));
  return spec.kind === 'gauge' ? keys.map((k) => `${k}Max`) : keys;
}

/** Throws on a name the table does not declare, or a label it does not list. */
export function checkName(table: MetricTable, name: string, label?: string): MetricSpec {
  const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!spec) throw new Error(`undeclared metric "${name}"; declared: ${Object.keys(table).join(', ')}`);
  if (label !== undefined && !spec.labels?.includes(label))
    throw new Error(`metric "${name}" has no label "${label}"; labels: ${(spec.labels ?? []).join(', ')}`);
  return spec;
}
