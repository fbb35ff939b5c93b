import type { ActorInfo } from '../engine/sim';
import type { NodeLayout } from './topology-layout';
import { placeHubs } from './topology-columns';
import { beside } from './topology-label-place';

/** A few peers side by side in columns, more of them on a circle with labels facing out. */
export function placePeers(
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
export function placeDenseRings(
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
