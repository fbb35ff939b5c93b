import type { Selection } from 'd3';
import type { NodeLayout, TopologyLayout } from './topology-layout';
import { css, prefersReducedMotion, stateColors, type StateColors } from './theme';
import type { ActorSummary, TraceIndex } from './trace-index';

type G = Selection<SVGGElement, unknown, null, undefined>;
type El = Selection<SVGElement, unknown, null, undefined>;

export interface NodeEl {
  g: G;
  shape: El;
  ring: El;
  name: Selection<SVGTextElement, unknown, null, undefined> | undefined;
  stateText: Selection<SVGTextElement, unknown, null, undefined> | undefined;
  /** The group holding name and state (hidden when it would overlap another label). */
  labels: G;
  layout: NodeLayout;
  actorName: string;
  kind: string;
  colorOf: StateColors;
  /** The state last painted; '\u0000' forces the first paint. */
  state: string;
}
export type NodeEls = Map<number, NodeEl>;

/** Servers and other core actors are rounded squares, clients circles: shape tells the roles apart without colour. */
export function drawNodes(
  g: G,
  index: TraceIndex,
  layout: TopologyLayout,
  /** Nodes drawn elsewhere (the crowd canvas of a dense topology). */
  skip: ReadonlySet<number>,
  on: { onSelect(id: number): void; onHover(id: number | null): void },
): NodeEls {
  g.selectAll('*').remove();
  const els: NodeEls = new Map();
  const animate = !prefersReducedMotion();
  const colorOf = stateColors(index.statesByKind);
  for (const actor of index.actors) {
    const n = layout.nodes.get(actor.id);
    if (!n || skip.has(actor.id)) continue;
    // Every node is focusable unless there are hundreds (then the core stays reachable and the rest is on hover).
    const focusable = n.hub || !layout.dense;
    const ng = g.append('g').attr('transform', `translate(${n.x},${n.y})`).style('cursor', 'pointer');
    if (focusable) ng.attr('tabindex', 0).attr('role', 'button').attr('aria-pressed', 'false');
    // A name on a plain <g> is not allowed (aria-prohibited-attr): the others are labelled graphics.
    else ng.attr('role', 'img');
    const ring = (n.hub
      ? ng
          .append('rect')
          .attr('x', -n.r - 5)
          .attr('y', -n.r - 5)
          .attr('width', 2 * n.r + 10)
          .attr('height', 2 * n.r + 10)
          .attr('rx', n.r * 0.4 + 4)
      : ng.append('circle').attr('r', n.r + Math.max(3, n.r * 0.5))) as unknown as El;
    ring
      .style('fill', 'none')
      .style('stroke', css.accent)
      .style('stroke-width', layout.dense && !n.hub ? 2 : 3)
      .style('display', 'none');
    const shape = (n.hub
      ? ng
          .append('rect')
          .attr('x', -n.r)
          .attr('y', -n.r)
          .attr('width', 2 * n.r)
          .attr('height', 2 * n.r)
          .attr('rx', n.r * 0.35)
      : ng.append('circle').attr('r', n.r)) as unknown as El;
    shape
      .style('stroke', n.hub ? css.fg : css.panel)
      .style('stroke-width', n.hub ? 1.5 : layout.dense ? 0.5 : 1.5);
    if (animate) shape.style('transition', 'fill 150ms linear, opacity 150ms linear');
    // A bigger invisible hit area so small dense dots can still be pointed at.
    if (layout.dense && !n.hub)
      ng.append('circle')
        .attr('r', Math.max(n.r + 2, 4))
        .style('fill', 'transparent');
    let name: NodeEl['name'];
    let stateText: NodeEl['stateText'];
    const labels = ng
      .append('g')
      .attr('transform', `translate(${n.lx - n.x},${n.ly - n.y}) rotate(${n.rotate})`)
      .attr('text-anchor', n.anchor)
      .style('pointer-events', 'none')
      .style('paint-order', 'stroke')
      .style('stroke', css.panel)
      .style('stroke-width', 3)
      .style('stroke-linejoin', 'round');
    if (n.label === 'beside') {
      name = labels
        .append('text')
        .attr('font-size', n.hub ? 12 : 11)
        .attr('font-weight', 600)
        .style('fill', css.fg)
        // The trailing space keeps name and state apart in the text a screen reader
        // (and axe's label-in-name check) reads; SVG does not render it.
        .text(`${actor.name} `);
      stateText = labels.append('text').attr('y', 13).attr('font-size', 10.5).style('fill', css.muted);
    } else if (n.label === 'radial') {
      const two = n.withState === 'below';
      name = labels
        .append('text')
        .attr('dy', two ? '-0.15em' : '0.32em')
        .attr('font-size', 10)
        .style('fill', css.fg)
        .text(two ? `${actor.name} ` : actor.name);
      if (two)
        stateText = labels.append('text').attr('dy', '1.1em').attr('font-size', 9.5).style('fill', css.muted);
      else if (n.withState === 'inline')
        stateText = name.append('tspan').style('fill', css.muted) as unknown as NodeEl['stateText'];
    }
    ng.on('click', (ev: MouseEvent) => {
      ev.stopPropagation();
      on.onSelect(actor.id);
    });
    ng.on('keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        on.onSelect(actor.id);
      }
    });
    ng.on('pointerenter', () => on.onHover(actor.id)).on('pointerleave', () => on.onHover(null));
    ng.on('focus', () => on.onHover(actor.id)).on('blur', () => on.onHover(null));
    els.set(actor.id, {
      g: ng,
      shape,
      ring,
      name,
      stateText,
      labels,
      layout: n,
      actorName: actor.name,
      kind: actor.kind,
      colorOf,
      state: '\u0000',
    });
  }
  return els;
}

/** Fill by state; not yet started = faint outline; crashed = red and faded with "down" in the label. */
export function paintNode(n: NodeEl, state: string, _index: TraceIndex): void {
  n.state = state;
  const unborn = state === '';
  n.shape
    .style('fill', unborn ? css.panel : n.colorOf(state))
    .style('opacity', state === 'down' ? 0.6 : 1)
    .style('stroke-dasharray', unborn ? '2 2' : '')
    .style('stroke', unborn ? css.muted : n.layout.hub ? css.fg : css.panel);
  const shown = unborn ? 'not started' : state;
  if (n.stateText) {
    if (n.layout.withState === 'inline') n.stateText.text(` · ${shown}`);
    else
      n.stateText
        .text(shown)
        .style('fill', state === 'down' ? css.bad : css.muted)
        .attr('font-weight', state === 'down' ? 700 : 400);
  }
  // The accessible name starts with the visible text (WCAG 2.5.3 label in name).
  const sep = n.layout.withState === 'inline' ? ' ·' : '';
  n.g.attr('aria-label', `${n.actorName}${sep} ${shown} (${n.kind})`);
}

export function markSelected(n: NodeEl, on: boolean): void {
  n.ring.style('display', on ? '' : 'none');
  if (n.g.attr('role') === 'button') n.g.attr('aria-pressed', on ? 'true' : 'false');
}

/** A small card next to a hovered or selected node: who it is, its state, what it has sent and received. */
export function drawHover(
  g: G,
  node: NodeLayout | undefined,
  info: ActorSummary | undefined,
  width: number,
): void {
  g.selectAll('*').remove();
  if (!node || !info) return;
  const lines = [
    `${info.name} (${info.kind})`,
    `state: ${info.state || 'not started'}`,
    `sent ${info.sent} · received ${info.received}`,
  ];
  if (info.lastMessage)
    lines.push(info.lastMessage.length > 44 ? `${info.lastMessage.slice(0, 43)}…` : info.lastMessage);
  const w = Math.max(...lines.map((l) => l.length)) * 6.3 + 16;
  const h = lines.length * 15 + 10;
  let x = node.x + node.r + 8;
  if (x + w > width - 4) x = node.x - node.r - 8 - w;
  const y = Math.max(4, node.y - h / 2);
  g.append('rect')
    .attr('x', x)
    .attr('y', y)
    .attr('width', w)
    .attr('height', h)
    .attr('rx', 6)
    .style('fill', css.panel)
    .style('stroke', css.muted)
    .style('stroke-opacity', 0.5)
    .style('filter', 'drop-shadow(0 1px 2px rgba(0,0,0,.2))');
  lines.forEach((l, i) =>
    g
      .append('text')
      .attr('x', x + 8)
      .attr('y', y + 18 + i * 15)
      .attr('font-size', 11)
      .attr('font-weight', i === 0 ? 600 : 400)
      .style('fill', i === 0 ? css.fg : css.muted)
      .text(l),
  );
}
