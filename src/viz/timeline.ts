import { EventKind, type TraceData } from '../engine/trace';
import { upperBound } from './search';

/**
 * Rows grouped by a small integer key (an actor), in trace order inside each group:
 * group k is rows[offsets[k] .. offsets[k+1]). A counting sort, so building is O(n).
 */
export interface Grouped {
  offsets: Int32Array;
  rows: Int32Array;
  /** times[j] is the time of rows[j], for binary search inside a group. */
  times: Float64Array;
}

export function groupRows(keys: ArrayLike<number>, times: ArrayLike<number>, groups: number): Grouped {
  const offsets = new Int32Array(groups + 1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k >= 0 && k < groups) offsets[k + 1]!++;
  }
  for (let k = 0; k < groups; k++) offsets[k + 1]! += offsets[k] as number;
  const fill = offsets.slice(0, groups);
  const rows = new Int32Array(offsets[groups] as number);
  const out = new Float64Array(rows.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as number;
    if (k < 0 || k >= groups) continue;
    const j = fill[k]!++;
    rows[j] = i;
    out[j] = times[i] as number;
  }
  return { offsets, rows, times: out };
}

/** Number of rows of group k with time <= t, and the position after the last one. */
export function countUpTo(g: Grouped, k: number, t: number): { count: number; end: number } {
  const lo = g.offsets[k] ?? 0;
  const hi = g.offsets[k + 1] ?? lo;
  const end = upperBound(g.times, t, lo, hi);
  return { count: end - lo, end };
}

/** A stretch of time something held (a partition, an open connection); `to` is Infinity while it lasts. */
export interface Interval {
  a: number;
  b: number;
  from: number;
  to: number;
  label: string;
}

/**
 * Partitions (Fault "partition a / b" until "heal a / b"), slow links ("slow ..." until
 * "heal") and long-lived connections (Connection v=1 until v=0), as intervals.
 */
export function buildIntervals(trace: TraceData): {
  partitions: Interval[];
  slow: Interval[];
  connections: Interval[];
} {
  const partitions: Interval[] = [];
  const slow: Interval[] = [];
  const connections: Interval[] = [];
  const openP = new Map<string, Interval>();
  const openS = new Map<string, Interval>();
  const openC = new Map<string, Interval[]>();
  const pair = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i];
    if (k !== EventKind.Fault && k !== EventKind.Connection) continue;
    const a = trace.a[i] as number;
    const b = trace.b[i] as number;
    const t = trace.t[i] as number;
    const text = trace.strings[trace.c[i] as number] ?? '';
    if (k === EventKind.Connection) {
      const key = `${a}:${b}`;
      const list = openC.get(key) ?? [];
      if (trace.v[i] === 1) {
        const iv = { a, b, from: t, to: Infinity, label: text };
        list.push(iv);
        connections.push(iv);
        openC.set(key, list);
      } else {
        const iv = list.shift();
        if (iv) iv.to = t;
      }
      continue;
    }
    if (b < 0) continue;
    const key = pair(a, b);
    if (text.startsWith('partition')) {
      if (!openP.has(key)) {
        const iv = { a, b, from: t, to: Infinity, label: text };
        openP.set(key, iv);
        partitions.push(iv);
      }
    } else if (text.startsWith('slow')) {
      const prev = openS.get(key);
      if (prev) prev.to = t;
      const iv = { a, b, from: t, to: Infinity, label: text };
      openS.set(key, iv);
      slow.push(iv);
    } else if (text.startsWith('heal')) {
      const p = openP.get(key);
      if (p) p.to = t;
      openP.delete(key);
      const s = openS.get(key);
      if (s) s.to = t;
      openS.delete(key);
    }
  }
  return { partitions, slow, connections };
}

export function activeAt(list: readonly Interval[], t: number): Interval[] {
  return list.filter((iv) => iv.from <= t && t < iv.to);
}

/** Each gauge's (time, value) steps, by name. */
export function buildGauges(trace: TraceData): Map<string, { t: Float64Array; v: Float64Array }> {
  const lists = trace.gauges.map(() => ({ t: [] as number[], v: [] as number[] }));
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] !== EventKind.Gauge) continue;
    const l = lists[trace.a[i] as number];
    if (!l) continue;
    l.t.push(trace.t[i] as number);
    l.v.push(trace.v[i] as number);
  }
  const out = new Map<string, { t: Float64Array; v: Float64Array }>();
  trace.gauges.forEach((name, k) =>
    out.set(name, { t: Float64Array.from(lists[k]!.t), v: Float64Array.from(lists[k]!.v) }),
  );
  return out;
}
