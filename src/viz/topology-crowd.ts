import type { ActorInfo } from '../engine/sim';
import type { TraceIndex } from './trace-index';

/** More than this many actors of one kind are drawn as one crowd node until it is expanded. */
export const CROWD_ABOVE = 24;

/** A group of similar actors (one kind) shown as a single node with a count and a state histogram. */
export interface Crowd {
  /** Its node id in the layout: negative, so it never clashes with an actor id. */
  id: number;
  kind: string;
  /** Members drawn inside the crowd (not the pinned ones). */
  members: number[];
  /** "200 clients" */
  name: string;
}

export interface Grouping {
  /** What the layout places: actors outside crowds, pinned members, and one pseudo-actor per crowd. */
  actors: ActorInfo[];
  crowds: Crowd[];
  /** Member id -> the crowd node it is drawn as (messages and links attach there). */
  crowdOf: Map<number, number>;
}

export function plural(kind: string, n: number): string {
  if (n === 1) return kind;
  return /(s|x|sh|ch)$/.test(kind) ? `${kind}es` : `${kind}s`;
}

/**
 * Groups every kind with more than CROWD_ABOVE actors into a crowd, unless the learner
 * expanded it. Pinned actors (the selected one, those that crash) stay individual nodes.
 */
export function groupCrowds(
  actors: readonly ActorInfo[],
  opts: { expanded: ReadonlySet<string>; pinned: ReadonlySet<number>; above?: number },
): Grouping {
  const above = opts.above ?? CROWD_ABOVE;
  const byKind = new Map<string, ActorInfo[]>();
  for (const a of actors) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
  const crowds: Crowd[] = [];
  const crowdOf = new Map<number, number>();
  const out: ActorInfo[] = [];
  for (const [kind, list] of byKind) {
    if (list.length <= above || opts.expanded.has(kind)) {
      out.push(...list);
      continue;
    }
    const id = -1 - crowds.length;
    const members = list.filter((a) => !opts.pinned.has(a.id)).map((a) => a.id);
    const name = `${members.length} ${plural(kind, members.length)}`;
    crowds.push({ id, kind, members, name });
    for (const m of members) crowdOf.set(m, id);
    out.push({ id, name, kind });
    out.push(...list.filter((a) => opts.pinned.has(a.id)));
  }
  return { actors: out, crowds, crowdOf };
}

/** Links between drawn nodes: member links re-attached to their crowd, merged, self-links dropped. */
export function crowdLinks<L extends { a: number; b: number; count: number }>(
  links: readonly L[],
  crowdOf: ReadonlyMap<number, number>,
): { a: number; b: number; count: number }[] {
  const merged = new Map<string, { a: number; b: number; count: number }>();
  for (const l of links) {
    const a = crowdOf.get(l.a) ?? l.a;
    const b = crowdOf.get(l.b) ?? l.b;
    if (a === b) continue;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    const cur = merged.get(key);
    if (cur) cur.count += l.count;
    else merged.set(key, { a, b, count: l.count });
  }
  return [...merged.values()];
}

/** Members' states at one moment as a histogram, in the order states were first seen. */
export function stateHistogram(
  members: readonly number[],
  stateAt: (id: number) => string,
  order: readonly string[],
): { state: string; n: number }[] {
  const counts = new Map<string, number>();
  for (const m of members) {
    const s = stateAt(m);
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const rank = (s: string) => (s === '' ? -1 : order.indexOf(s) < 0 ? order.length : order.indexOf(s));
  return [...counts]
    .map(([state, n]) => ({ state, n }))
    .sort((a, b) => rank(a.state) - rank(b.state) || a.state.localeCompare(b.state));
}

/** Actors that are down at some moment of the run: they stay nodes of their own. */
export function crashingActors(index: TraceIndex): Set<number> {
  const down = (id: number) => index.stateChanges(id, 0, index.durationMs).some((c) => c.state === 'down');
  return new Set(index.actors.filter((a) => down(a.id)).map((a) => a.id));
}
