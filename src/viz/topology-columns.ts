import type { ActorInfo } from '../engine/sim';
import type { NodeLayout } from './topology-layout';
import { beside } from './topology-label-place';

/** Height of a core node's two label lines (12 px bold name, state under it). */
export const HUB_LABEL_H = 30;

/** About how wide a core node's name is at 12 px bold, with a little air. */
const nameW = (a: ActorInfo) => a.name.length * 7.4 + 8;

/**
 * Core actors in one column per kind (e.g. queue | consumers), centred in a box, columns
 * in the order of `hubs`. A column too tight for names under its nodes puts them beside
 * instead (the last column's to its right, all columns moved in so those names are not
 * cut at the panel's edge `right`). Where the names under a column would run into the
 * column before it, they go above its nodes.
 */
export function placeHubs(
  hubs: readonly ActorInfo[],
  nodes: Map<number, NodeLayout>,
  box: { x0: number; x1: number; cy: number; height: number; right?: number },
): void {
  if (hubs.length === 0) return;
  const kinds = [...new Set(hubs.map((h) => h.kind))];
  // Nodes no wider than their column's share of the box, so neighbouring columns do not touch.
  const across = kinds.length > 1 ? (box.x1 - box.x0) / (kinds.length - 1) : Infinity;
  const columns = kinds.map((kind, k) => {
    const col = hubs.filter((h) => h.kind === kind);
    const step = Math.min(78, box.height / Math.max(1, col.length));
    let r = Math.max(8, Math.min(22, step * 0.3, across * 0.3));
    // Names under the nodes where smaller nodes (down to 12 px) make room for them: a name
    // beside a middle column's node runs into the column next to it.
    const rBelow = (step - 10 - HUB_LABEL_H) / 2;
    if (col.length > 1 && rBelow >= 12) r = Math.min(r, rBelow);
    const tight = col.length > 1 && step < 2 * r + 10 + HUB_LABEL_H;
    const last = k === kinds.length - 1 && kinds.length > 1;
    const side: Side = !tight ? 'below' : last ? 'right' : 'left';
    const r2 = tight ? Math.min(r, (step - 12) / 2) : r;
    return { col, step, side, r: Math.max(5, r2) };
  });
  let x1 = box.x1;
  const end = columns[columns.length - 1]!;
  if (end.side === 'right' && box.right !== undefined)
    x1 = Math.min(x1, box.right - Math.max(...end.col.map((a) => a.name.length)) * 7.4 - end.r - 16);
  const xs = kinds.map((_, k) =>
    kinds.length === 1 ? (box.x0 + x1) / 2 : box.x0 + ((x1 - box.x0) * k) / (kinds.length - 1),
  );
  // Names and nodes placed so far, as boxes: a node whose name under it would cover one
  // of them puts it above instead, if that side is clear.
  const placed: Box[] = [];
  columns.forEach((c, k) => {
    c.col.forEach((a, i) => {
      const y = box.cy + (i - (c.col.length - 1) / 2) * c.step;
      const at = (side: Side) => beside(a.id, xs[k]!, y, c.r, true, side);
      const free = (n: NodeLayout) => !placed.some((b) => meets(labelBox(n, a), b));
      let n = at(c.side);
      if (c.side === 'below' && !free(n) && free(at('above'))) n = at('above');
      nodes.set(a.id, n);
      placed.push(labelBox(n, a), { left: n.x - n.r, right: n.x + n.r, top: n.y - n.r, bottom: n.y + n.r });
    });
  });
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const meets = (p: Box, q: Box) =>
  p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom;

/** A core node's name (12 px bold, about 8 px a character in the widest system fonts) and state under it. */
function labelBox(n: NodeLayout, a: ActorInfo): Box {
  const w = a.name.length * 8 + 4;
  const left = n.anchor === 'middle' ? n.lx - w / 2 : n.anchor === 'end' ? n.lx - w : n.lx;
  return { left, right: left + w, top: n.ly - 11, bottom: n.ly + 17 };
}

type Side = 'left' | 'right' | 'below' | 'above';

/** Whether any two core actors' names (12 px bold, under their nodes) would overlap. */
export function hubLabelsClash(hubs: readonly ActorInfo[], nodes: Map<number, NodeLayout>): boolean {
  const w = nameW;
  return hubs.some((a, i) =>
    hubs.slice(i + 1).some((b) => {
      const p = nodes.get(a.id)!;
      const q = nodes.get(b.id)!;
      return Math.abs(p.x - q.x) < (w(a) + w(b)) / 2 && Math.abs(p.y - q.y) < HUB_LABEL_H + 2 * p.r;
    }),
  );
}

/**
 * The core actors ordered by how many links away from the edge actors their kind first
 * appears (the first hop, then the next), so columns follow the path a request takes and a
 * link joins neighbouring columns instead of crossing a column's nodes. Kinds no link
 * reaches keep their place, after the others.
 */
export function byHops(
  hubs: readonly ActorInfo[],
  edge: readonly ActorInfo[],
  links: readonly { a: number; b: number }[],
): ActorInfo[] {
  const next = new Map<number, number[]>();
  for (const { a, b } of links) {
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  const hops = new Map<number, number>(edge.map((a) => [a.id, 0]));
  for (let frontier = edge.map((a) => a.id), d = 1; frontier.length > 0; d++) {
    const reached: number[] = [];
    for (const id of frontier)
      for (const n of next.get(id) ?? [])
        if (!hops.has(n)) {
          hops.set(n, d);
          reached.push(n);
        }
    frontier = reached;
  }
  const kindHops = new Map<string, number>();
  for (const h of hubs)
    kindHops.set(h.kind, Math.min(kindHops.get(h.kind) ?? Infinity, hops.get(h.id) ?? Infinity));
  const first = new Map<string, number>();
  hubs.forEach((h, i) => first.set(h.kind, first.get(h.kind) ?? i));
  const key = (h: ActorInfo) => kindHops.get(h.kind)!;
  return [...hubs].sort((a, b) => key(a) - key(b) || first.get(a.kind)! - first.get(b.kind)!);
}
