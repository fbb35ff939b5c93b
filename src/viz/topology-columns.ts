import type { ActorInfo } from '../engine/sim';
import type { NodeLayout } from './topology-layout';
import { beside } from './topology-label-place';

/** Height of a core node's two label lines (12 px bold name, state under it). */
export const HUB_LABEL_H = 30;

/**
 * Core actors in one column per kind (e.g. queue | consumers), centred in a box. A column
 * too tight for names under its nodes puts them beside instead (the last column's to its
 * right, moved in so they are not cut at the panel's edge `right`).
 */
export function placeHubs(
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
export function hubLabelsClash(hubs: readonly ActorInfo[], nodes: Map<number, NodeLayout>): boolean {
  const w = (a: ActorInfo) => a.name.length * 7.4 + 8;
  return hubs.some((a, i) =>
    hubs.slice(i + 1).some((b) => {
      const p = nodes.get(a.id)!;
      const q = nodes.get(b.id)!;
      return Math.abs(p.x - q.x) < (w(a) + w(b)) / 2 && Math.abs(p.y - q.y) < HUB_LABEL_H + 2 * p.r;
    }),
  );
}
