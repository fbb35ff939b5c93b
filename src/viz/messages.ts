import { EventKind, type TraceData } from '../engine/trace';
import { lowerBound, upperBound } from './search';

/** What became of a message. */
export const Fate = { InFlight: 0, Delivered: 1, Dropped: 2 } as const;
export type Fate = (typeof Fate)[keyof typeof Fate];

/**
 * One row per message, sorted by send time, so a frame finds the messages in
 * flight with two binary searches and a short scan instead of reading the trace.
 */
export interface MessageTable {
  count: number;
  from: Int32Array;
  to: Int32Array;
  tSend: Float64Array;
  /** Delivery or drop time; Infinity when the run ended with the message still in flight. */
  tEnd: Float64Array;
  fate: Uint8Array;
  /** Index into the trace's string table. */
  label: Int32Array;
  /** Drop reason (string index) or -1. */
  reason: Int32Array;
  /** All end times sorted: in flight at t = #(send <= t) - #(end <= t). */
  endsSorted: Float64Array;
  /** Median delivery time: how far a lost message got before it died is drawn against it. */
  medianFlight: number;
  /** Longest flight among "short" messages: the scan window behind t. */
  maxShortFlight: number;
  /** Messages much slower than usual (or never finished), scanned separately so one outlier cannot widen every frame's window. */
  long: Int32Array;
  isLong: Uint8Array;
  /** Dropped messages in order of drop time, and those times. */
  drops: Int32Array;
  dropTimes: Float64Array;
}

export function buildMessages(trace: TraceData): MessageTable {
  let maxId = -1;
  let sends = 0;
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] === EventKind.Send) {
      sends++;
      maxId = Math.max(maxId, trace.v[i] as number);
    }
  }
  // Message ids are dense small integers (the network counts them), so an array maps id -> row.
  const rowOf = new Int32Array(maxId + 1).fill(-1);
  const m = allocate(sends);
  let n = 0;
  for (let i = 0; i < trace.length; i++) {
    const k = trace.kind[i];
    if (k === EventKind.Send) {
      rowOf[trace.v[i] as number] = n;
      m.from[n] = trace.a[i] as number;
      m.to[n] = trace.b[i] as number;
      m.tSend[n] = trace.t[i] as number;
      m.label[n] = trace.c[i] as number;
      n++;
    } else if (k === EventKind.Deliver || k === EventKind.Drop) {
      const id = trace.v[i] as number;
      const row = id >= 0 && id <= maxId ? (rowOf[id] as number) : -1;
      if (row < 0) continue;
      m.tEnd[row] = trace.t[i] as number;
      m.fate[row] = k === EventKind.Deliver ? Fate.Delivered : Fate.Dropped;
      if (k === EventKind.Drop) m.reason[row] = trace.c[i] as number;
    }
  }
  sortBySend(m);
  finish(m);
  return m;
}

function allocate(n: number): MessageTable {
  return {
    count: n,
    from: new Int32Array(n),
    to: new Int32Array(n),
    tSend: new Float64Array(n),
    tEnd: new Float64Array(n).fill(Infinity),
    fate: new Uint8Array(n),
    label: new Int32Array(n),
    reason: new Int32Array(n).fill(-1),
    endsSorted: new Float64Array(0),
    medianFlight: 0,
    maxShortFlight: 0,
    long: new Int32Array(0),
    isLong: new Uint8Array(n),
    drops: new Int32Array(0),
    dropTimes: new Float64Array(0),
  };
}

/** The engine records in time order; this only guards against a trace that is not. */
function sortBySend(m: MessageTable): void {
  let sorted = true;
  for (let i = 1; i < m.count && sorted; i++) sorted = (m.tSend[i] as number) >= (m.tSend[i - 1] as number);
  if (sorted) return;
  const order = Array.from({ length: m.count }, (_, i) => i).sort(
    (x, y) => (m.tSend[x] as number) - (m.tSend[y] as number) || x - y,
  );
  for (const key of ['from', 'to', 'tSend', 'tEnd', 'fate', 'label', 'reason'] as const) {
    const col = m[key];
    const copy = col.slice();
    order.forEach((src, dst) => (col[dst] = copy[src] as number));
  }
}

function finish(m: MessageTable): void {
  m.endsSorted = Float64Array.from(m.tEnd).sort();
  const flights: number[] = [];
  for (let i = 0; i < m.count; i++)
    if (m.fate[i] === Fate.Delivered) flights.push((m.tEnd[i] as number) - (m.tSend[i] as number));
  flights.sort((x, y) => x - y);
  m.medianFlight = flights.length ? (flights[Math.floor((flights.length - 1) / 2)] as number) : 50;
  const p95 = flights.length ? (flights[Math.floor(0.95 * (flights.length - 1))] as number) : 0;
  const threshold = Math.max(1, 4 * p95);
  const long: number[] = [];
  let maxShort = 0;
  for (let i = 0; i < m.count; i++) {
    const f = (m.tEnd[i] as number) - (m.tSend[i] as number);
    if (f > threshold) {
      m.isLong[i] = 1;
      long.push(i);
    } else if (f > maxShort) maxShort = f;
  }
  m.long = Int32Array.from(long);
  m.maxShortFlight = maxShort;
  const drops: number[] = [];
  for (let i = 0; i < m.count; i++) if (m.fate[i] === Fate.Dropped) drops.push(i);
  drops.sort((x, y) => (m.tEnd[x] as number) - (m.tEnd[y] as number) || x - y);
  m.drops = Int32Array.from(drops);
  m.dropTimes = Float64Array.from(drops, (i) => m.tEnd[i] as number);
}

/** Messages in flight at t (sent at or before t, not yet delivered or dropped). */
export function countInFlight(m: MessageTable, t: number): number {
  return upperBound(m.tSend, t) - upperBound(m.endsSorted, t);
}

/** Calls visit(row) for every message in flight at t; cost ~ messages sent in the last max-flight window. */
export function forEachInFlight(m: MessageTable, t: number, visit: (row: number) => void): void {
  const hi = upperBound(m.tSend, t);
  for (let i = lowerBound(m.tSend, t - m.maxShortFlight, 0, hi); i < hi; i++) {
    if (m.isLong[i] === 0 && (m.tEnd[i] as number) > t) visit(i);
  }
  for (let j = 0; j < m.long.length; j++) {
    const i = m.long[j] as number;
    if ((m.tSend[i] as number) > t) break;
    if ((m.tEnd[i] as number) > t) visit(i);
  }
}

/** Calls visit(row) for messages dropped in (t0, t1], oldest first. */
export function forEachDrop(m: MessageTable, t0: number, t1: number, visit: (row: number) => void): void {
  const hi = upperBound(m.dropTimes, t1);
  for (let j = upperBound(m.dropTimes, t0); j < hi; j++) visit(m.drops[j] as number);
}

/** Calls visit(row) for messages sent in (t0, t1] plus those sent earlier and still in flight at t0. */
export function forEachSentOrFlying(
  m: MessageTable,
  t0: number,
  t1: number,
  visit: (row: number) => void,
): void {
  forEachInFlight(m, t0, visit);
  const hi = upperBound(m.tSend, t1);
  for (let i = upperBound(m.tSend, t0); i < hi; i++) visit(i);
}
