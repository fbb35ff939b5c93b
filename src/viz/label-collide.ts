/** A rectangle in some rotated frame, as its four corners in view coordinates. */
export type Quad = [number, number][];

/** The corners of a local box (x, y, width, height) under an SVG matrix (a b c d e f). */
export function quadOf(
  box: { x: number; y: number; width: number; height: number },
  m: { a: number; b: number; c: number; d: number; e: number; f: number },
  pad = 1,
): Quad {
  const x0 = box.x - pad;
  const y0 = box.y - pad;
  const x1 = box.x + box.width + pad;
  const y1 = box.y + box.height + pad;
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ].map(([x, y]) => [m.a * x! + m.c * y! + m.e, m.b * x! + m.d * y! + m.f]);
}

function project(q: Quad, ax: number, ay: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [x, y] of q) {
    const p = x * ax + y * ay;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  return [lo, hi];
}

/** Whether two rotated rectangles overlap (separating axis test over their edges' normals). */
export function quadsOverlap(p: Quad, q: Quad): boolean {
  for (const quad of [p, q]) {
    for (let i = 0; i < 2; i++) {
      const [x0, y0] = quad[i]!;
      const [x1, y1] = quad[i + 1]!;
      const ax = y0 - y1;
      const ay = x1 - x0;
      const [a0, a1] = project(p, ax, ay);
      const [b0, b1] = project(q, ax, ay);
      if (a1 <= b0 || b1 <= a0) return false;
    }
  }
  return true;
}

/**
 * Greedy placement: labels in priority order keep their place unless they overlap one
 * already kept (or an obstacle); returns the indices of the labels to hide.
 */
export function labelsToHide(
  labels: readonly Quad[],
  obstacles: readonly Quad[] = [],
  /** Labels always shown (the core nodes'): placed first, ignoring the obstacles. */
  always: (i: number) => boolean = () => false,
): Set<number> {
  const kept: Quad[] = labels.filter((_, i) => always(i));
  const others: Quad[] = [...obstacles];
  const hidden = new Set<number>();
  labels.forEach((q, i) => {
    if (always(i)) return;
    if (kept.some((k) => quadsOverlap(k, q)) || others.some((k) => quadsOverlap(k, q))) hidden.add(i);
    else kept.push(q);
  });
  return hidden;
}

/** An axis-aligned box. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function boxOf(q: Quad): Box {
  const xs = q.map((p) => p[0]);
  const ys = q.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
