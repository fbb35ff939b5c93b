import type { MachineGraph } from '../lesson/machine-graph';

export interface StateBox {
  path: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  initial: boolean;
  compound: boolean;
  depth: number;
}

export interface EdgeShape {
  from: string;
  to: string;
  label: string;
  /** SVG path from border to border (a loop above the box for self-transitions). */
  d: string;
  lx: number;
  ly: number;
}

export interface ChartLayout {
  boxes: StateBox[];
  edges: EdgeShape[];
  width: number;
  height: number;
}

const CHAR = 7.2;
const LEAF_H = 38;
const PAD = 14;
const HEADER = 22;
const GAP_X = 120;
const GAP_Y = 56;
const LOOP = 30;

/**
 * Simple layered layout: top-level states in columns by distance from the initial
 * state; a compound state's children sit in a row inside it. Parallel transitions
 * between two states are merged into one arrow with a combined label.
 */
export function layoutStatechart(graph: MachineGraph): ChartLayout {
  const children = new Map<string | null, MachineGraph['states']>();
  for (const s of graph.states) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const size = new Map<string, { w: number; h: number }>();
  const measure = (path: string, label: string): { w: number; h: number } => {
    const kids = children.get(path) ?? [];
    const labelW = label.length * CHAR + 28;
    if (!kids.length) return remember(path, { w: Math.max(84, labelW), h: LEAF_H });
    const inner = kids.map((k) => measure(k.path, last(k.path)));
    const w = inner.reduce((a, b) => a + b.w, 0) + GAP_X * 0.5 * (inner.length - 1) + 2 * PAD;
    return remember(path, {
      w: Math.max(w, labelW),
      h: Math.max(...inner.map((b) => b.h)) + HEADER + 2 * PAD,
    });
  };
  const remember = (path: string, s: { w: number; h: number }) => (size.set(path, s), s);
  const top = children.get(null) ?? [];
  top.forEach((s) => measure(s.path, last(s.path)));

  // Columns by BFS distance from the initial state over transitions between top-level ancestors.
  const topOf = (path: string) => path.split('.')[0] as string;
  const layer = new Map<string, number>();
  const start = top.find((s) => s.initial) ?? top[0];
  if (start) layer.set(start.path, 0);
  for (let queue = start ? [start.path] : []; queue.length;) {
    const cur = queue.shift() as string;
    for (const tr of graph.transitions) {
      const a = topOf(tr.from);
      const b = topOf(tr.to);
      if (a === cur && !layer.has(b)) {
        layer.set(b, (layer.get(cur) as number) + 1);
        queue.push(b);
      }
    }
  }
  const maxLayer = Math.max(0, ...layer.values());
  for (const s of top) if (!layer.has(s.path)) layer.set(s.path, maxLayer + 1);
  const columns: string[][] = [];
  for (const s of top) (columns[layer.get(s.path) as number] ??= []).push(s.path);

  const boxes: StateBox[] = [];
  const colHeights = columns.map(
    (c) => (c ?? []).reduce((a, p) => a + (size.get(p)?.h ?? 0), 0) + GAP_Y * ((c ?? []).length - 1),
  );
  const totalH = Math.max(0, ...colHeights);
  let x = 20;
  columns.forEach((col, k) => {
    if (!col) return;
    const colW = Math.max(...col.map((p) => size.get(p)?.w ?? 0));
    let y = LOOP + 24 + (totalH - (colHeights[k] as number)) / 2;
    for (const p of col) {
      const s = size.get(p) as { w: number; h: number };
      place(p, x + (colW - s.w) / 2, y, 0);
      y += s.h + GAP_Y;
    }
    x += colW + GAP_X;
  });

  function place(path: string, bx: number, by: number, depth: number): void {
    const s = size.get(path) as { w: number; h: number };
    const kids = children.get(path) ?? [];
    const info = graph.states.find((st) => st.path === path);
    boxes.push({
      path,
      label: last(path),
      x: bx,
      y: by,
      w: s.w,
      h: s.h,
      initial: Boolean(info?.initial),
      compound: kids.length > 0,
      depth,
    });
    let cx = bx + PAD;
    for (const kid of kids) {
      const ks = size.get(kid.path) as { w: number; h: number };
      place(kid.path, cx, by + HEADER + PAD, depth + 1);
      cx += ks.w + GAP_X * 0.5;
    }
  }

  const byPath = new Map(boxes.map((b) => [b.path, b]));
  const merged = new Map<string, { from: string; to: string; events: string[] }>();
  for (const tr of graph.transitions) {
    const key = `${tr.from}\u0000${tr.to}`;
    const m = merged.get(key) ?? { from: tr.from, to: tr.to, events: [] };
    const name = tr.event === 'always' && tr.guarded ? 'always [guard]' : tr.event;
    if (!m.events.includes(name)) m.events.push(name);
    merged.set(key, m);
  }
  const edges: EdgeShape[] = [];
  for (const m of merged.values()) {
    const a = byPath.get(m.from);
    const b = byPath.get(m.to);
    if (!a || !b) continue;
    const label = m.events.join(', ');
    edges.push(a === b ? loop(a, label) : arc(a, b, label, merged.has(`${m.to}\u0000${m.from}`)));
  }
  const width = Math.max(...boxes.map((b) => b.x + b.w), 100) + 20;
  const height = Math.max(...boxes.map((b) => b.y + b.h), 60) + 40;
  return { boxes, edges, width, height };
}

const last = (path: string) => path.split('.').pop() as string;

function loop(b: StateBox, label: string): EdgeShape {
  const x0 = b.x + b.w * 0.35;
  const x1 = b.x + b.w * 0.65;
  const y = b.y;
  return {
    from: b.path,
    to: b.path,
    label,
    d: `M${x0},${y} C${x0 - 10},${y - LOOP} ${x1 + 10},${y - LOOP} ${x1},${y}`,
    lx: b.x + b.w / 2,
    ly: y - LOOP + 2,
  };
}

/** From border to border; bent to one side when the reverse transition also exists, so the two do not overlap. */
function arc(a: StateBox, b: StateBox, label: string, twoWay: boolean): EdgeShape {
  const [ax, ay] = [a.x + a.w / 2, a.y + a.h / 2];
  const [bx, by] = [b.x + b.w / 2, b.y + b.h / 2];
  const [sx, sy] = clip(a, bx - ax, by - ay);
  const [ex, ey] = clip(b, ax - bx, ay - by);
  const len = Math.hypot(ex - sx, ey - sy) || 1;
  const bend = twoWay ? 26 : 0;
  // Perpendicular to the direction of travel: a->b and b->a bend to opposite sides.
  const nx = (ey - sy) / len;
  const ny = -(ex - sx) / len;
  const mx = (sx + ex) / 2 + nx * bend * 2;
  const my = (sy + ey) / 2 + ny * bend * 2;
  const lx = (sx + ex) / 2 + nx * bend;
  const ly = (sy + ey) / 2 + ny * bend;
  return {
    from: a.path,
    to: b.path,
    label,
    d: `M${sx + nx * 8},${sy + ny * 8} Q${mx},${my} ${ex + nx * 8},${ey + ny * 8}`,
    lx,
    ly: ly + (ny < 0 ? -6 : 14),
  };
}

/** Point on a box's border in direction (dx, dy) from its centre. */
function clip(b: StateBox, dx: number, dy: number): [number, number] {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const s = Math.min(
    Math.abs(dx) > 1e-9 ? b.w / 2 / Math.abs(dx) : Infinity,
    Math.abs(dy) > 1e-9 ? b.h / 2 / Math.abs(dy) : Infinity,
  );
  return [cx + dx * s, cy + dy * s];
}
