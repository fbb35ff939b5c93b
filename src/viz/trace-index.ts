import type { SampleSeries } from '../engine/metrics';
import type { ActorInfo } from '../engine/sim';
import type { SnapshotData } from '../engine/snapshots';
import { EventKind, toneOf, type Tone, type TraceData } from '../engine/trace';
import {
  buildMessages,
  countInFlight,
  forEachDrop,
  forEachInFlight,
  forEachSentOrFlying,
  type MessageTable,
} from './messages';
import { distinctSorted, lowerBound, upperBound } from './search';
import { buildGauges, buildIntervals, countUpTo, groupRows, type Grouped, type Interval } from './timeline';

export interface ActorSummary {
  name: string;
  kind: string;
  state: string;
  sent: number;
  received: number;
  lastMessage: string | null;
}

/** Everything the views ask of a run, precomputed once so that a frame costs a few binary searches. */
export interface TraceIndex {
  durationMs: number;
  actors: ActorInfo[];
  /** sorted distinct times of all trace events, for Step forward/back */
  eventTimes: Float64Array;
  nextEventTime(t: number): number | undefined;
  prevEventTime(t: number): number | undefined;
  /** State name of an actor at t ('' if not spawned yet, 'down' when crashed). */
  stateAt(actor: number, t: number): string;
  messagesInFlight(t: number): number;
  /** The actor's states over [t0, t1]: the one held at t0 (if any) and every change up to t1. */
  stateChanges(actor: number, t0: number, t1: number): { t: number; state: string }[];
  describeActor(actor: number, t: number): ActorSummary;

  /** The trace's string table (labels, states, reasons). */
  strings: readonly string[];
  messages: MessageTable;
  /** Unordered actor pairs that exchanged messages or held a connection, with message counts. */
  links: { a: number; b: number; count: number }[];
  partitions: Interval[];
  slow: Interval[];
  connections: Interval[];
  gauges: Map<string, { t: Float64Array; v: Float64Array }>;
  samples: Record<string, SampleSeries>;
  /** Static view data the model published, by name (see src/engine/snapshots.ts). */
  snapshots: SnapshotData;
  /** State names seen per actor kind, in order of first appearance (stable colours and legends). */
  statesByKind: Map<string, string[]>;

  forEachInFlight(t: number, visit: (row: number) => void): void;
  /** Messages dropped in (t0, t1]. */
  forEachDrop(t0: number, t1: number, visit: (row: number) => void): void;
  /** Messages sent in (t0, t1] plus those already in flight at t0. */
  forEachSentOrFlying(t0: number, t1: number, visit: (row: number) => void): void;
  labelOf(row: number): string;
  /** How the lesson judged a message ('ok', 'warn', 'bad'), if it did (see Tone). */
  toneOf(row: number): Tone | undefined;
  /** Whether any message has a tone (views then explain the colours). */
  hasTones: boolean;
}

export interface IndexableRun {
  trace: TraceData;
  actors: ActorInfo[];
  samples: Record<string, SampleSeries>;
  snapshots?: SnapshotData;
  durationMs: number;
}

export function buildTraceIndex(run: IndexableRun): TraceIndex {
  const { trace, actors } = run;
  const n = actors.reduce((m, a) => Math.max(m, a.id + 1), 0);
  const byId: (ActorInfo | undefined)[] = new Array<ActorInfo | undefined>(n);
  for (const a of actors) byId[a.id] = a;
  const messages = buildMessages(trace);
  const states = groupStates(trace, n);
  const sentBy = groupRows(messages.from, messages.tSend, n);
  // Received = delivered: group deliveries by receiver, keyed by delivery time.
  const deliveredTo = Int32Array.from(messages.to, (to, i) => (messages.fate[i] === 1 ? to : -1));
  const receivedBy = groupRows(deliveredTo, messages.tEnd, n);
  const eventTimes = distinctSorted(trace.t.subarray(0, trace.length));
  const strings = trace.strings;
  const intervals = buildIntervals(trace);
  const statesByKind = statesPerKind(trace, byId);

  const stateAt = (actor: number, t: number): string => {
    const { count, end } = countUpTo(states, actor, t);
    return count === 0 ? '' : (strings[trace.c[states.rows[end - 1] as number] as number] ?? '');
  };
  const labelOf = (row: number) => strings[messages.label[row] as number] ?? '';
  const toneOfRow = (row: number) => toneOf(trace, messages.label[row] as number);
  const hasTones = trace.tones.some((c) => c > 0);
  const name = (id: number) => byId[id]?.name ?? `#${id}`;

  return {
    durationMs: run.durationMs,
    actors,
    eventTimes,
    nextEventTime: (t) => eventTimes[upperBound(eventTimes, t)],
    prevEventTime: (t) => {
      const i = lowerBound(eventTimes, t) - 1;
      return i >= 0 ? eventTimes[i] : undefined;
    },
    stateAt,
    messagesInFlight: (t) => countInFlight(messages, t),
    stateChanges: (actor, t0, t1) => {
      const first = countUpTo(states, actor, t0);
      const last = countUpTo(states, actor, t1);
      const out: { t: number; state: string }[] = [];
      for (let j = Math.max(first.end - 1, states.offsets[actor] ?? 0); j < last.end; j++) {
        out.push({
          t: states.times[j] as number,
          state: strings[trace.c[states.rows[j] as number] as number] ?? '',
        });
      }
      return out;
    },
    describeActor: (actor, t) => {
      const s = countUpTo(sentBy, actor, t);
      const r = countUpTo(receivedBy, actor, t);
      const lastSent = s.count ? (sentBy.rows[s.end - 1] as number) : -1;
      const lastRecv = r.count ? (receivedBy.rows[r.end - 1] as number) : -1;
      const sentAt = lastSent >= 0 ? (messages.tSend[lastSent] as number) : -Infinity;
      const recvAt = lastRecv >= 0 ? (messages.tEnd[lastRecv] as number) : -Infinity;
      let lastMessage: string | null = null;
      if (lastRecv >= 0 && recvAt >= sentAt)
        lastMessage = `got "${labelOf(lastRecv)}" from ${name(messages.from[lastRecv] as number)}`;
      else if (lastSent >= 0)
        lastMessage = `sent "${labelOf(lastSent)}" to ${name(messages.to[lastSent] as number)}`;
      return {
        name: name(actor),
        kind: byId[actor]?.kind ?? '',
        state: stateAt(actor, t),
        sent: s.count,
        received: r.count,
        lastMessage,
      };
    },
    strings,
    messages,
    links: buildLinks(messages, intervals.connections, intervals.partitions),
    ...intervals,
    gauges: buildGauges(trace),
    samples: run.samples,
    snapshots: run.snapshots ?? {},
    statesByKind,

    forEachInFlight: (t, visit) => forEachInFlight(messages, t, visit),
    forEachDrop: (t0, t1, visit) => forEachDrop(messages, t0, t1, visit),
    forEachSentOrFlying: (t0, t1, visit) => forEachSentOrFlying(messages, t0, t1, visit),
    labelOf,
    toneOf: toneOfRow,
    hasTones,
  };
}

function groupStates(trace: TraceData, n: number): Grouped {
  const keys = new Int32Array(trace.length);
  for (let i = 0; i < trace.length; i++)
    keys[i] = trace.kind[i] === EventKind.State ? (trace.a[i] as number) : -1;
  return groupRows(keys, trace.t, n);
}

function buildLinks(m: MessageTable, ...standing: Interval[][]): { a: number; b: number; count: number }[] {
  const counts = new Map<number, { a: number; b: number; count: number }>();
  const touch = (x: number, y: number, by: number) => {
    if (x < 0 || y < 0 || x === y) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = a * 1_048_576 + b;
    const l = counts.get(key);
    if (l) l.count += by;
    else counts.set(key, { a, b, count: by });
  };
  for (let i = 0; i < m.count; i++) touch(m.from[i] as number, m.to[i] as number, 1);
  for (const list of standing) for (const iv of list) touch(iv.a, iv.b, 0);
  return [...counts.values()];
}

function statesPerKind(trace: TraceData, byId: (ActorInfo | undefined)[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < trace.length; i++) {
    if (trace.kind[i] !== EventKind.State) continue;
    const kind = byId[trace.a[i] as number]?.kind ?? '';
    const s = trace.strings[trace.c[i] as number] ?? '';
    const list = out.get(kind) ?? [];
    if (!list.includes(s)) list.push(s);
    out.set(kind, list);
  }
  return out;
}
