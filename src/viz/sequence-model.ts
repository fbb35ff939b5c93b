import type { ActorInfo } from '../engine/sim';
import type { Tone } from '../engine/trace';
import { Fate } from './messages';
import { isEdgeActor } from './topology-layout';
import type { TraceIndex } from './trace-index';

/**
 * Lifelines to draw: core actors (servers, brokers) first, then the edge actors that
 * matter: those pinned (selected by the learner), then the busiest (most messages),
 * ties in name order.
 */
export function pickLifelines(
  actors: readonly ActorInfo[],
  maxActors: number,
  opts: { pinned?: readonly number[]; traffic?: ReadonlyMap<number, number> } = {},
): { shown: ActorInfo[]; hidden: number } {
  const counts = new Map<string, number>();
  for (const a of actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const pinned = opts.pinned ?? [];
  const traffic = opts.traffic ?? new Map<number, number>();
  const natural = (a: ActorInfo, b: ActorInfo) =>
    a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id - b.id;
  const rank = (a: ActorInfo) => {
    const p = pinned.indexOf(a.id);
    return p >= 0 ? p - pinned.length : 0;
  };
  const core = actors.filter((a) => !isEdgeActor(counts, a.kind)).sort((a, b) => a.id - b.id);
  const edge = actors
    .filter((a) => isEdgeActor(counts, a.kind))
    .sort(
      (a, b) => rank(a) - rank(b) || (traffic.get(b.id) ?? 0) - (traffic.get(a.id) ?? 0) || natural(a, b),
    );
  const limit = Math.max(1, maxActors);
  // A pinned actor is shown even when the core alone fills the diagram.
  const mustEdge = edge.filter((a) => pinned.includes(a.id));
  const shown = [...core.slice(0, Math.max(0, limit - mustEdge.length)), ...edge].slice(0, limit);
  return { shown, hidden: actors.length - shown.length };
}

/** Messages each actor sent or received (from the index's links). */
export function trafficOf(links: readonly { a: number; b: number; count: number }[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of links) {
    out.set(l.a, (out.get(l.a) ?? 0) + l.count);
    out.set(l.b, (out.get(l.b) ?? 0) + l.count);
  }
  return out;
}

/**
 * The stretch of virtual time on screen: the last `windowMs`, with "now" 85% of the way
 * down once the run is long enough, so the diagram scrolls with playback.
 */
export function timeWindow(t: number, windowMs: number): { top: number; bottom: number } {
  const top = Math.max(0, t - 0.85 * windowMs);
  return { top, bottom: top + windowMs };
}

/** A default window: about 25 typical flights, at least 1.5 s, so round trips are visibly slanted but several fit. */
export function defaultWindow(index: TraceIndex): number {
  return Math.min(Math.max(index.durationMs, 1), Math.max(1500, 25 * index.messages.medianFlight));
}

export interface Arrow {
  row: number;
  from: number;
  to: number;
  tSend: number;
  /** Where the drawn arrow ends in time: delivery, drop, or now while in flight. */
  tHead: number;
  /** Fraction of the way across (lost messages stop part way). */
  reach: number;
  status: 'delivered' | 'dropped' | 'flying';
  label: string;
  /** The lesson's judgement of the message (a stale read: 'warn'), drawn as its colour. */
  tone?: Tone;
}

/** Messages between shown lifelines that are visible at t: sent before t and not finished before the window's top. */
export function visibleArrows(
  index: TraceIndex,
  column: Map<number, number>,
  t: number,
  top: number,
): Arrow[] {
  const m = index.messages;
  const out: Arrow[] = [];
  const visit = (i: number) => {
    const from = column.get(m.from[i] as number);
    const to = column.get(m.to[i] as number);
    if (from === undefined || to === undefined) return;
    const s = m.tSend[i] as number;
    const e = m.tEnd[i] as number;
    if (s > t) return;
    const flying = e > t;
    const dropped = m.fate[i] === Fate.Dropped;
    let reach = 1;
    if (dropped) reach = Math.max(0.15, Math.min(1, (Math.min(e, t) - s) / Math.max(1e-9, m.medianFlight)));
    else if (flying)
      reach =
        Number.isFinite(e) && e > s
          ? (t - s) / (e - s)
          : Math.min(1, (t - s) / Math.max(1e-9, m.medianFlight));
    out.push({
      row: i,
      from,
      to,
      tSend: s,
      tHead: Math.min(e, t),
      reach,
      status: flying ? 'flying' : dropped ? 'dropped' : 'delivered',
      label: index.labelOf(i),
      tone: index.toneOf(i),
    });
  };
  index.forEachSentOrFlying(top, t, visit);
  return out;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Greedy label placement: candidates in priority order (most recent first) take their
 * box if it does not overlap one already taken. Returns which candidates got a label.
 */
export function placeLabels(boxes: readonly Box[], bounds: Box): boolean[] {
  const taken: Box[] = [];
  return boxes.map((b) => {
    const inside =
      b.x >= bounds.x &&
      b.x + b.w <= bounds.x + bounds.w &&
      b.y >= bounds.y &&
      b.y + b.h <= bounds.y + bounds.h;
    if (!inside || taken.some((o) => overlaps(o, b))) return false;
    taken.push(b);
    return true;
  });
}

/** Rough text width for 10px labels; close enough for collision checks without a layout pass. */
export function estimateTextWidth(text: string, px = 10): number {
  return text.length * px * 0.58 + 4;
}
