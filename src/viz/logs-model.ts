import { gaugeAt } from './timeseries';

type Series = { t: Float64Array; v: Float64Array };

/** What the `logs` view draws: rows (partitions or replicas) and cursors (groups or followers) along them. */
export interface LogsSpec {
  title: string;
  unit: string;
  /** One gauge pair per row: the log's first kept offset and its end offset (the next to be written). */
  rows: readonly { label: string; start: string; end: string }[];
  /** Named positions along every row: `at[i]` is the gauge of the position on row i. */
  cursors: readonly { label: string; at: readonly string[] }[];
  /** A gauge holding how many of `rows` this run has (the rest are not drawn). */
  rowCount?: string;
  /**
   * Positions drawn across every row (a session's last write): a row whose last cursor
   * (e.g. a follower's applied position) is below a marker has not reached it yet.
   */
  markers?: readonly { label: string; at: string }[];
  /**
   * Draw only the last this-many offsets (the tail of the longest log), so lags of a few
   * entries show; the view widens to include a cursor further behind.
   */
  tail?: number;
}

export interface MarkerAt {
  label: string;
  /** Its position (undefined before its first sample). */
  position: number | undefined;
  /** Rows whose last cursor is below the position: reading there would not show it yet. */
  behind: string[];
}

export interface LogRowAt {
  label: string;
  start: number;
  end: number;
  /** One position per cursor (undefined before its first sample), and its lag: end − max(position, start). */
  cursors: { position: number | undefined; lag: number | undefined }[];
}

/** The rows a run has: all of them, or the first `rowCount` (its value at the end of the run). */
export function rowsShown(gauges: ReadonlyMap<string, Series>, spec: LogsSpec): number {
  if (!spec.rowCount) return spec.rows.length;
  const s = gauges.get(spec.rowCount);
  const n = s && s.v.length ? (s.v[s.v.length - 1] as number) : spec.rows.length;
  return Math.max(0, Math.min(spec.rows.length, Math.round(n)));
}

/** Every shown row and cursor as it stood at time t (gauges are step functions). */
export function logsAt(gauges: ReadonlyMap<string, Series>, spec: LogsSpec, t: number): LogRowAt[] {
  const value = (name: string) => {
    const s = gauges.get(name);
    return s ? gaugeAt(s, t) : undefined;
  };
  const out: LogRowAt[] = [];
  const n = rowsShown(gauges, spec);
  for (let i = 0; i < n; i++) {
    const row = spec.rows[i]!;
    const start = value(row.start) ?? 0;
    const end = Math.max(start, value(row.end) ?? 0);
    out.push({
      label: row.label,
      start,
      end,
      cursors: spec.cursors.map((c) => {
        const name = c.at[i];
        const position = name === undefined ? undefined : value(name);
        return { position, lag: position === undefined ? undefined : end - Math.max(position, start) };
      }),
    });
  }
  return out;
}

/**
 * The markers at time t, each with the rows that have not reached it: those whose last
 * cursor (the spec's last one, e.g. "applied") is below the marker's position.
 */
export function markersAt(
  gauges: ReadonlyMap<string, Series>,
  spec: LogsSpec,
  rows: readonly LogRowAt[],
  t: number,
): MarkerAt[] {
  const last = spec.cursors.length - 1;
  return (spec.markers ?? []).map((mk) => {
    const s = gauges.get(mk.at);
    const position = s ? gaugeAt(s, t) : undefined;
    const behind =
      position === undefined || last < 0
        ? []
        : rows.filter((r) => (r.cursors[last]?.position ?? Infinity) < position).map((r) => r.label);
    return { label: mk.label, position, behind };
  });
}

/**
 * The offsets on screen: all of them, or with a tail the last `tail` of them once the
 * longest log is longer, widened to the lowest cursor (`lowest`) so a follower far behind
 * is still drawn at its true distance.
 */
export function offsetDomain(
  spec: LogsSpec,
  top: number,
  niceTop: number,
  lowest = Infinity,
): { lo: number; hi: number } {
  if (spec.tail === undefined || top <= spec.tail) return { lo: 0, hi: spec.tail ?? niceTop };
  return { lo: Math.max(0, Math.min(top - spec.tail, Math.floor(lowest))), hi: top };
}

/** The lowest cursor position on any row (Infinity when none has one yet). */
export function lowestCursor(rows: readonly LogRowAt[]): number {
  let low = Infinity;
  for (const r of rows)
    for (const c of r.cursors) if (c.position !== undefined) low = Math.min(low, c.position);
  return low;
}
