import { boxOf, labelsToHide, quadOf, type Box, type Quad } from './label-collide';
import type { NodeEls } from './topology-nodes';

/**
 * Labels never overlap: in priority order (core nodes first), a label that would overlap
 * one already placed, a node, the legend or the counter is hidden; its node still shows
 * name and state on hover or focus. Measured with the longest state of each kind, so a
 * label that fits now still fits when its state changes. Returns the boxes of what stays
 * visible (labels, nodes, obstacles) for message labels to keep clear of.
 */
export function declutter(
  svg: SVGSVGElement | null,
  nodeEls: NodeEls,
  /** Elements no label may cover: the counter, the legend, crowd cards, buttons. */
  fixed: readonly (SVGGraphicsElement | null)[],
  statesByKind: ReadonlyMap<string, readonly string[]>,
): Box[] {
  const root = svg?.getScreenCTM()?.inverse();
  if (!root) return [];
  const inView = (el: SVGGraphicsElement, pad = 1): Quad | undefined => {
    const m = el.getScreenCTM();
    if (!m) return undefined;
    return quadOf(el.getBBox(), root.multiply(m), pad);
  };
  const obstacles: Quad[] = [];
  for (const el of fixed) {
    const q = el && inView(el, 2);
    if (q) obstacles.push(q);
  }
  for (const n of nodeEls.values()) {
    const q = inView(n.shape.node() as SVGGraphicsElement, 1);
    if (q) obstacles.push(q);
  }
  const ordered = [...nodeEls.values()]
    .filter((n) => n.name)
    .sort((a, b) => Number(b.layout.hub) - Number(a.layout.hub));
  const quads: Quad[] = [];
  for (const n of ordered) {
    n.labels.style('display', '');
    const longest = (statesByKind.get(n.kind) ?? []).reduce(
      (a, b) => (b.length > a.length ? b : a),
      'not started',
    );
    if (n.stateText) n.stateText.text(n.layout.withState === 'inline' ? ` · ${longest}` : longest);
    n.state = '\u0000';
    quads.push(inView(n.labels.node() as SVGGraphicsElement) ?? []);
  }
  // Core names under or above their nodes always show; a core name beside its node (a tall
  // column of them) gives way like any other where it would cover one.
  const always = (i: number) => ordered[i]!.layout.hub && ordered[i]!.layout.anchor === 'middle';
  const hide = labelsToHide(quads, obstacles, always);
  const boxes: Box[] = [];
  ordered.forEach((n, i) => {
    n.labels.style('display', hide.has(i) ? 'none' : '');
    if (!hide.has(i)) boxes.push(boxOf(quads[i]!));
  });
  for (const q of obstacles) boxes.push(boxOf(q));
  return boxes;
}
