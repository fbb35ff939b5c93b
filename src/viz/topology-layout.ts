import type { ActorInfo } from '../engine/sim';
import { placeLayered } from './topology-layered';
import { homeHubs, sectorHubPositions, type LinkWeight } from './topology-sectors';

/** Where a node's text goes: beside it (horizontal, up to two lines), along its ray (rotated), or nowhere (dense). */
export type LabelMode = 'beside' | 'radial' | 'none';

export interface NodeLayout {
  id: number;
  x: number;
  y: number;
  r: number;
  hub: boolean;
  label: LabelMode;
  /** Label position and how to anchor/rotate it. */
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
  rotate: number;
  /** Radial labels: 'below' = state on a second line, 'inline' = "name · state", 'none' = name only. */
  withState: 'below' | 'inline' | 'none';
}

export interface TopologyLayout {
  nodes: Map<number, NodeLayout>;
  /** Many edge actors drawn small: names and states only on hover/selection. */
  dense: boolean;
  width: number;
  height: number;
}

/** Kinds that sit at the edge of a system (they start requests); the others are its core. */
const EDGE_KIND = /client|user|browser|tab|producer|sensor|device|caller/i;
export const DENSE_ABOVE = 60;
/** Room the in-flight counter takes at the top left; height of a core node's two label lines. */
const TOP = 34;
const HUB_LABEL_H = 30;
const COLUMN_MAX = 8;

export function isEdgeActor(kindCounts: Map<string, number>, kind: string): boolean {
  return EDGE_KIND.test(kind) || (kindCounts.get(kind) ?? 0) > 12;
}

const natural = (a: ActorInfo, b: ActorInfo) =>
  a.name.localeCompare(b.name, undefined, { numeric: true }) || a.id - b.id;

export type { LinkWeight };

export function layoutTopology(
  actors: readonly ActorInfo[],
  width: number,
  height: number,
  links: readonly LinkWeight[] = [],
): TopologyLayout {
  const counts = new Map<string, number>();
  for (const a of actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  let hubs = actors.filter((a) => !isEdgeActor(counts, a.kind));
  // With several servers, each server's clients sit together (a sector of the ring).
  const home = hubs.length > 1 ? homeHubs(hubs, links) : new Map<number, number>();
  const hubRank = new Map(hubs.map((h, i) => [h.id, i]));
  const rankOf = (a: ActorInfo) => hubRank.get(home.get(a.id) ?? -1) ?? hubs.length;
  let edge = actors
    .filter((a) => isEdgeActor(counts, a.kind))
    .sort((a, b) => rankOf(a) - rankOf(b) || natural(a, b));
  // A system of peers (all one kind, no core): lay them out as a ring of labelled equals.
  if (hubs.length === 0 && edge.length <= 12) [hubs, edge] = [edge, []];
  const nodes = new Map<number, NodeLayout>();
  const cx = width / 2;
  const cy = height / 2;
  const maxLines = Math.floor((height - 30) / 40);
  if (edge.length > 0 && edge.length <= Math.min(COLUMN_MAX, maxLines)) {
    // Few clients: a column on the left, the core on the right; reads like a request diagram.
    const colX = Math.max(90, width * 0.22);
    // Spread below the counter, centred like the core column beside it.
    edge.forEach((a, i) => {
      const y = TOP + ((height - TOP) * (i + 1)) / (edge.length + 1);
      nodes.set(a.id, beside(a.id, colX, y, 12, false, 'left'));
    });
    // Below the counter at the top left ("12 messages in flight"). Several core kinds
    // (api | stores | queue | workers) get ~70 px between columns where the panel allows,
    // moving the first column towards the clients (not past colX + 80).
    const kinds = new Set(hubs.map((h) => h.kind)).size;
    const x1 = width - 70;
    const x0 = Math.min(width - 80, colX + Math.max(140, width * 0.3));
    placeHubs(hubs, nodes, {
      x0: Math.min(x0, Math.max(colX + 80, x1 - (kinds - 1) * 70)),
      x1,
      cy: (height + TOP) / 2,
      height: height - TOP - 8,
      right: width,
    });
    return { nodes, dense: false, width, height };
  }
  // Many servers of one tier (shards) behind a few core ones (routers): rows, labels under nodes.
  if (
    hubs.length > 0 &&
    edge.length > 0 &&
    edge.length <= DENSE_ABOVE &&
    !edge.some((a) => EDGE_KIND.test(a.kind))
  ) {
    placeLayered(hubs, edge, nodes, width, height);
    return { nodes, dense: false, width, height };
  }
  if (edge.length === 0) {
    placePeers(hubs, nodes, cx, cy, Math.min(width, height) / 2 - 50);
    return { nodes, dense: false, width, height };
  }
  const dense = edge.length > DENSE_ABOVE;
  const half = Math.min(width, height) / 2;
  if (!dense) {
    // Room for the longest radial name (about 6 px a character at 10 px), within reason.
    const longest = edge.reduce((m, a) => Math.max(m, a.name.length), 0);
    const labelRoom = Math.min(Math.max(110, half * 0.45), Math.max(50, half * 0.4, longest * 6 + 10));
    const R = Math.max(40, half - labelRoom);
    const spacing = (2 * Math.PI * R) / edge.length;
    const r = Math.max(3, Math.min(11, spacing * 0.32));
    // Room between neighbours decides how much text each gets without overlapping.
    const withState = spacing >= 26 ? 'below' : labelRoom - (longest * 6 + 10) > 70 ? 'inline' : 'none';
    const angle = new Map<number, number>();
    edge.forEach((a, i) => {
      const th = Math.PI + (2 * Math.PI * i) / edge.length;
      angle.set(a.id, th);
      nodes.set(a.id, radial(a.id, cx + R * Math.cos(th), cy + R * Math.sin(th), r, th, withState));
    });
    if (hubs.length > 1 && home.size > 0) {
      for (const [id, at] of sectorHubPositions(hubs, home, angle, cx, cy, R * 0.62))
        nodes.set(id, beside(id, at.x, at.y, 11, true, 'below'));
      // Servers too close for their names side by side: servers in a row, each one's clients under it.
      if (hubLabelsClash(hubs, nodes)) {
        nodes.clear();
        placeLayered(hubs, edge, nodes, width, height, home);
        return { nodes, dense: false, width, height };
      }
    } else placeHubs(hubs, nodes, { x0: cx - R * 0.35, x1: cx + R * 0.35, cy, height: R * 1.2 });
    return { nodes, dense, width, height };
  }
  placeDenseRings(edge, nodes, cx, cy, half - 8, Math.max(60, half * 0.45));
  placeHubs(hubs, nodes, { x0: cx - half * 0.25, x1: cx + half * 0.25, cy, height: half * 0.7 });
  return { nodes, dense, width, height };
}

function beside(
  id: number,
  x: number,
  y: number,
  r: number,
  hub: boolean,
  side: 'left' | 'right' | 'below',
): NodeLayout {
  const gap = r + 6;
  if (side === 'below')
    return {
      id,
      x,
      y,
      r,
      hub,
      label: 'beside',
      lx: x,
      ly: y + gap + 8,
      anchor: 'middle',
      rotate: 0,
      withState: 'below',
    };
  const left = side === 'left';
  return {
    id,
    x,
    y,
    r,
    hub,
    label: 'beside',
    lx: left ? x - gap : x + gap,
    ly: y - 2,
    anchor: left ? 'end' : 'start',
    rotate: 0,
    withState: 'below',
  };
}

function radial(
  id: number,
  x: number,
  y: number,
  r: number,
  th: number,
  withState: NodeLayout['withState'],
): NodeLayout {
  const deg = (th * 180) / Math.PI;
  const c = Math.cos(th);
  const s = Math.sin(th);
  const flip = c < 0; // keep text upright on the left half
  return {
    id,
    x,
    y,
    r,
    hub: false,
    label: 'radial',
    lx: x + c * (r + 5),
    ly: y + s * (r + 5),
    anchor: flip ? 'end' : 'start',
    rotate: flip ? deg - 180 : deg,
    withState,
  };
}

/**
 * Core actors in one column per kind (e.g. queue | consumers), centred in a box. A column
 * too tight for names under its nodes puts them beside instead (the last column's to its
 * right, moved in so they are not cut at the panel's edge `right`).
 */
function placeHubs(
  hubs: readonly ActorInfo[],
  nodes: Map<number, NodeLayout>,
  box: { x0: number; x1: number; cy: number; height: number; right?: number },
): void {
  const kinds = [...new Set(hubs.map((h) => h.kind))];
  kinds.forEach((kind, k) => {
    const col = hubs.filter((h) => h.kind === kind);
    let x =
      kinds.length === 1 ? (box.x0 + box.x1) / 2 : box.x0 + ((box.x1 - box.x0) * k) / (kinds.length - 1);
    const step = Math.min(78, box.height / Math.max(1, col.length));
    // Nodes no wider than their column's share of the box, so neighbouring columns do not touch.
    const across = kinds.length > 1 ? (box.x1 - box.x0) / (kinds.length - 1) : Infinity;
    const r = Math.max(8, Math.min(22, step * 0.3, across * 0.3));
    const tight = col.length > 1 && step < 2 * r + 10 + HUB_LABEL_H;
    const last = k === kinds.length - 1 && kinds.length > 1;
    const side = !tight ? 'below' : last ? 'right' : 'left';
    const r2 = tight ? Math.min(r, (step - 12) / 2) : r;
    if (tight && last && box.right !== undefined) {
      const labelW = Math.max(...col.map((a) => a.name.length)) * 7.4;
      x = Math.min(x, box.right - labelW - r2 - 16);
    }
    col.forEach((a, i) => {
      const y = box.cy + (i - (col.length - 1) / 2) * step;
      nodes.set(a.id, beside(a.id, x, y, Math.max(5, r2), true, side));
    });
  });
}

/** Whether any two core actors' names (12 px bold, under their nodes) would overlap. */
function hubLabelsClash(hubs: readonly ActorInfo[], nodes: Map<number, NodeLayout>): boolean {
  const w = (a: ActorInfo) => a.name.length * 7.4 + 8;
  return hubs.some((a, i) =>
    hubs.slice(i + 1).some((b) => {
      const p = nodes.get(a.id)!;
      const q = nodes.get(b.id)!;
      return Math.abs(p.x - q.x) < (w(a) + w(b)) / 2 && Math.abs(p.y - q.y) < HUB_LABEL_H + 2 * p.r;
    }),
  );
}

function placePeers(
  peers: readonly ActorInfo[],
  nodes: Map<number, NodeLayout>,
  cx: number,
  cy: number,
  R: number,
): void {
  if (peers.length <= 3) {
    placeHubs(
      peers.map((p) => ({ ...p, kind: `${p.id}` })),
      nodes,
      { x0: cx - R, x1: cx + R, cy, height: R },
    );
    return;
  }
  peers.forEach((a, i) => {
    const th = -Math.PI / 2 + (2 * Math.PI * i) / peers.length;
    const x = cx + R * Math.cos(th);
    const y = cy + R * Math.sin(th);
    const c = Math.cos(th);
    nodes.set(a.id, beside(a.id, x, y, 18, true, c > 0.35 ? 'right' : c < -0.35 ? 'left' : 'below'));
  });
}

/** Concentric rings filled outermost first, with the largest dot size that still fits them all. */
function placeDenseRings(
  edge: readonly ActorInfo[],
  nodes: Map<number, NodeLayout>,
  cx: number,
  cy: number,
  outer: number,
  inner: number,
): void {
  let r = 5;
  let rings: { rho: number; cap: number }[] = [];
  for (; r >= 1; r -= 0.5) {
    rings = [];
    let total = 0;
    for (let rho = outer - r; rho >= inner && total < edge.length; rho -= 2 * r + 2) {
      const cap = Math.floor((2 * Math.PI * rho) / (2 * r + 1.5));
      rings.push({ rho, cap });
      total += cap;
    }
    if (total >= edge.length) break;
  }
  let i = 0;
  rings.forEach((ring, k) => {
    const take = Math.min(ring.cap, edge.length - i);
    const offset = k * 0.37; // stagger rings so dots do not line up radially
    for (let j = 0; j < take; j++, i++) {
      const th = Math.PI + offset + (2 * Math.PI * j) / take;
      const a = edge[i] as ActorInfo;
      nodes.set(a.id, {
        id: a.id,
        x: cx + ring.rho * Math.cos(th),
        y: cy + ring.rho * Math.sin(th),
        r: Math.max(1, r),
        hub: false,
        label: 'none',
        lx: 0,
        ly: 0,
        anchor: 'middle',
        rotate: 0,
        withState: 'none',
      });
    }
  });
  // Whatever did not fit (a tiny container) shares the innermost ring rather than vanishing.
  for (; i < edge.length; i++) {
    const a = edge[i] as ActorInfo;
    const th = (2 * Math.PI * i) / edge.length;
    nodes.set(a.id, {
      id: a.id,
      x: cx + inner * Math.cos(th),
      y: cy + inner * Math.sin(th),
      r: 1,
      hub: false,
      label: 'none',
      lx: 0,
      ly: 0,
      anchor: 'middle',
      rotate: 0,
      withState: 'none',
    });
  }
}
