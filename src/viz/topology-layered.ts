import type { ActorInfo } from '../engine/sim';
import type { NodeLayout } from './topology-layout';

/** Room the counter ("256 messages in flight") takes at the top left. */
const TOP = 34;
/** A core node's name and state below it (12 px bold + 10.5 px). */
const HUB_LABEL_H = 34;

/**
 * Two tiers of servers (routers and a coordinator above, many shards or replicas below):
 * the few core actors in a row on top, the many in a grid of cells under them, each
 * label under its own node, so no node covers another's label and nothing is cut at
 * the panel's edge. Widths are estimated (about 7 px a character at 12 px bold).
 */
export function placeLayered(
  hubs: readonly ActorInfo[],
  many: readonly ActorInfo[],
  nodes: Map<number, NodeLayout>,
  width: number,
  height: number,
  /** Each member's home hub (the server it talks to most), if every member has one. */
  home?: ReadonlyMap<number, number>,
): void {
  const hubR = 11;
  const hubW = (h: ActorInfo) => h.name.length * 7.2 + 16;
  const hubRowH = 2 * hubR + HUB_LABEL_H + 8;
  const total = hubs.reduce((sum, h) => sum + hubW(h), 0);
  let hubRows = 1;
  if (total <= width - 16) {
    // One row, each name its own width plus an even share of the room left.
    const extra = (width - total) / hubs.length;
    let x = 0;
    for (const h of hubs) {
      const w = hubW(h) + extra;
      nodes.set(h.id, below(h.id, x + w / 2, TOP + hubR + 6, hubR, true));
      x += w;
    }
  } else {
    const widest = Math.max(...hubs.map(hubW));
    const perRow = Math.max(1, Math.floor((width - 16) / widest));
    hubRows = Math.ceil(hubs.length / perRow);
    hubs.forEach((h, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, hubs.length - row * perRow);
      const x = (width * ((i % perRow) + 0.5)) / inRow;
      nodes.set(h.id, below(h.id, x, TOP + hubR + 6 + row * hubRowH, hubR, true));
    });
  }
  if (!many.length) return;
  const gridTop = TOP + hubRows * hubRowH + 10;
  const room = height - gridTop - 4;
  if (hubRows === 1 && home && many.every((a) => home.has(a.id))) {
    // Each server's clients in a column under it: which client talks to which server reads at a glance.
    for (const h of hubs) {
      const mine = many.filter((a) => home.get(a.id) === h.id);
      const at = nodes.get(h.id)!;
      const rowH = Math.max(12, Math.min(40, room / Math.max(1, mine.length)));
      const r = Math.max(3, Math.min(7, (rowH - 6) / 2));
      // Moved left if the names would run past the panel's right edge.
      const labelW = Math.max(0, ...mine.map((a) => a.name.length)) * 6.6;
      const x = Math.max(r + 4, Math.min(at.x - 24, width - labelW - r - 12));
      mine.forEach((a, i) => nodes.set(a.id, beside(a.id, x, gridTop + i * rowH + rowH / 2 - 4, r)));
    }
    return;
  }
  const longest = Math.max(...many.map((a) => a.name.length));
  // Names under the nodes while rows are tall enough for them, else beside (one short line less).
  const grid = (cellW: number) => {
    const cols = Math.max(1, Math.min(many.length, Math.floor((width - 8) / cellW)));
    const rows = Math.ceil(many.length / cols);
    return { cols, rows, rowH: Math.max(14, Math.min(56, room / rows)) };
  };
  const under = grid(Math.max(40, longest * 6.6 + 10));
  const side = grid(longest * 6.6 + 30);
  const useSide = under.rowH < 36 && side.rowH > under.rowH;
  const { cols, rowH } = useSide ? side : under;
  const r = useSide ? Math.max(3, Math.min(7, (rowH - 6) / 2)) : Math.max(3, Math.min(8, (rowH - 28) / 2));
  const cellW = width / cols;
  many.forEach((a, i) => {
    const row = Math.floor(i / cols);
    const inRow = Math.min(cols, many.length - row * cols);
    const y = gridTop + row * rowH + (useSide ? rowH / 2 - 4 : r + 2);
    if (useSide) {
      // Left-aligned in its cell, the name to the right.
      const x = (i % cols) * cellW + r + 8;
      nodes.set(a.id, beside(a.id, x, y, r));
    } else nodes.set(a.id, below(a.id, (width * ((i % cols) + 0.5)) / inRow, y, r, false));
  });
}

function beside(id: number, x: number, y: number, r: number): NodeLayout {
  return {
    id,
    x,
    y,
    r,
    hub: false,
    label: 'beside',
    lx: x + r + 5,
    ly: y + 1,
    anchor: 'start',
    rotate: 0,
    withState: 'below',
  };
}

function below(id: number, x: number, y: number, r: number, hub: boolean): NodeLayout {
  const pad = hub ? 5 : 3;
  return {
    id,
    x,
    y,
    r,
    hub,
    label: 'beside',
    lx: x,
    ly: y + r + pad + (hub ? 11 : 9),
    anchor: 'middle',
    rotate: 0,
    withState: 'below',
  };
}
