import type { NodeLayout } from './topology-layout';

/** A node whose text sits beside it, horizontal: to its left, to its right, under or above it. */
export function beside(
  id: number,
  x: number,
  y: number,
  r: number,
  hub: boolean,
  side: 'left' | 'right' | 'below' | 'above',
): NodeLayout {
  const gap = r + 6;
  if (side === 'below' || side === 'above')
    return {
      id,
      x,
      y,
      r,
      hub,
      label: 'beside',
      lx: x,
      // Above: the state line (13 px under the name) ends just over the node.
      ly: side === 'below' ? y + gap + 8 : y - gap - 11,
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

/** A node on a ring whose text runs along its ray, outwards, kept upright on the left half. */
export function radial(
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
