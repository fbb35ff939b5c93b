import type { ActorInfo } from '../engine/sim';
import { byHops, hubLabelsClash, placeHubs } from './topology-columns';
import { beside, radial } from './topology-label-place';
import { placeLayered } from './topology-layered';
import { placeDenseRings, placePeers } from './topology-rings';
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

/**
 * Kinds that sit at the edge of a system (they start requests); the others are its core.
 * Whole words of the kind ("browserTab", "user-agent", "clients"), so a "database" is no "tab".
 */
const EDGE_WORDS = new Set(['client', 'user', 'browser', 'tab', 'producer', 'sensor', 'device', 'caller']);
const edgeKind = (kind: string) =>
  kind
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => EDGE_WORDS.has(w) || EDGE_WORDS.has(w.replace(/s$/, '')));
export const DENSE_ABOVE = 60;
/** Room the in-flight counter takes at the top left. */
const TOP = 34;
const COLUMN_MAX = 8;

export function isEdgeActor(kindCounts: Map<string, number>, kind: string): boolean {
  return edgeKind(kind) || (kindCounts.get(kind) ?? 0) > 12;
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
    // Several core kinds in a narrow panel take the client column towards the left edge,
    // leaving room for the clients' names (11 px bold, left of their nodes).
    const kinds = new Set(hubs.map((h) => h.kind)).size;
    const x1 = width - 70;
    const edgeNameW = Math.max(...edge.map((a) => a.name.length)) * 7.6 + 26;
    const colX = Math.max(edgeNameW, Math.min(Math.max(90, width * 0.22), x1 - (kinds - 1) * 70 - 80));
    // Spread below the counter, centred like the core column beside it.
    edge.forEach((a, i) => {
      const y = TOP + ((height - TOP) * (i + 1)) / (edge.length + 1);
      nodes.set(a.id, beside(a.id, colX, y, 12, false, 'left'));
    });
    // Below the counter at the top left ("12 messages in flight"). Several core kinds
    // (api | stores | queue | workers) get ~70 px between columns where the panel allows,
    // moving the first column towards the clients (not past colX + 80).
    const x0 = Math.min(width - 80, colX + Math.max(140, width * 0.3));
    placeHubs(byHops(hubs, edge, links), nodes, {
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
    !edge.some((a) => edgeKind(a.kind))
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
