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
): void {
  const hubR = 11;
  const hubW = Math.max(...hubs.map((h) => h.name.length * 7.2 + 16), 60);
  // Hubs in as few rows as fit the width.
  const perRow = Math.max(1, Math.floor((width - 16) / hubW));
  const hubRows = Math.ceil(hubs.length / perRow);
  const hubRowH = 2 * hubR + HUB_LABEL_H + 8;
  hubs.forEach((h, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, hubs.length - row * perRow);
    const col = i % perRow;
    const x = (width * (col + 0.5)) / inRow;
    const y = TOP + hubR + 6 + row * hubRowH;
    nodes.set(h.id, below(h.id, x, y, hubR, true));
  });
  const gridTop = TOP + hubRows * hubRowH + 10;
  if (!many.length) return;
  const longest = Math.max(...many.map((a) => a.name.length));
  const cellW = Math.max(40, longest * 6.6 + 10);
  const cols = Math.max(1, Math.min(many.length, Math.floor((width - 8) / cellW)));
  const rows = Math.ceil(many.length / cols);
  const rowH = Math.max(18, Math.min(56, (height - gridTop - 4) / rows));
  const r = Math.max(3, Math.min(8, (rowH - 28) / 2));
  many.forEach((a, i) => {
    const row = Math.floor(i / cols);
    const inRow = Math.min(cols, many.length - row * cols);
    const x = (width * ((i % cols) + 0.5)) / inRow;
    const y = gridTop + row * rowH + r + 2;
    nodes.set(a.id, below(a.id, x, y, r, false));
  });
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
