import type { MachineGraph } from '../lesson/machine-graph';
import { addArrowMarker, createSvg, setLabel, sizeOf, uid } from './dom';
import { labelsToHide, quadOf } from './label-collide';
import { layoutStatechart } from './statechart-layout';
import { css, prefersReducedMotion } from './theme';
import type { ViewHandle } from './view';

export interface StatechartHandle extends ViewHandle {
  setActive(statePath: string | null): void;
}

/** Whether a box is lit for the active state: the state itself or any ancestor of it. */
export function isActivePath(boxPath: string, active: string | null): boolean {
  return active !== null && (active === boxPath || active.startsWith(`${boxPath}.`));
}

/**
 * The machine as rounded boxes and labelled arrows, the active state highlighted.
 * The drawing keeps its natural size and only shrinks (via viewBox) when the panel is smaller.
 */
export function mountStatechart(
  el: HTMLElement,
  graph: MachineGraph,
  opts: { title?: string } = {},
): StatechartHandle {
  const title = opts.title ?? `Statechart of ${graph.id}`;
  const baseLabel = `${title}: states ${graph.states.map((s) => s.path).join(', ')}.`;
  const svg = createSvg(el, baseLabel);
  const markerId = uid('sc-arrow');
  addArrowMarker(svg, markerId, css.muted, 8);
  const layout = layoutStatechart(graph);
  const heading = svg
    .append('text')
    .attr('x', 12)
    .attr('y', 19)
    .attr('font-size', 13)
    .attr('font-weight', 600)
    .style('fill', css.fg)
    .text(title);
  const content = svg.append('g');
  const animate = !prefersReducedMotion();
  const initial = layout.boxes.find((b) => b.initial && b.depth === 0);
  if (initial) {
    content
      .append('circle')
      .attr('cx', initial.x - 2)
      .attr('cy', initial.y - 14)
      .attr('r', 5)
      .style('fill', css.fg);
    content
      .append('path')
      .attr('d', `M${initial.x + 2},${initial.y - 10} L${initial.x + 14},${initial.y - 1}`)
      .style('stroke', css.fg)
      .style('stroke-width', 1.5)
      .attr('marker-end', `url(#${markerId})`);
  }
  const boxes = content
    .append('g')
    .selectAll('g')
    .data(layout.boxes)
    .join('g')
    .attr('transform', (b) => `translate(${b.x},${b.y})`);
  const rects = boxes
    .append('rect')
    .attr('width', (b) => b.w)
    .attr('height', (b) => b.h)
    .attr('rx', 12)
    .style('fill', css.panel)
    .style('stroke', css.muted)
    .style('stroke-width', 1.5)
    .style('transition', animate ? 'fill 200ms, stroke 200ms' : '');
  boxes
    .append('text')
    .attr('x', (b) => b.w / 2)
    .attr('y', (b) => (b.compound ? 16 : b.h / 2))
    .attr('dy', (b) => (b.compound ? 0 : '0.35em'))
    .attr('text-anchor', 'middle')
    .attr('font-size', 12.5)
    .attr('font-weight', 600)
    .style('fill', css.fg)
    .text((b) => b.label);
  const edges = content.append('g').selectAll('g').data(layout.edges).join('g');
  edges
    .append('path')
    .attr('d', (e) => e.d)
    .style('fill', 'none')
    .style('stroke', css.muted)
    .style('stroke-width', 1.5)
    .attr('marker-end', `url(#${markerId})`);
  edges
    .append('text')
    .attr('x', (e) => e.lx)
    .attr('y', (e) => e.ly)
    .attr('text-anchor', 'middle')
    .attr('font-size', 11)
    .style('fill', css.fg)
    .style('paint-order', 'stroke')
    .style('stroke', css.panel)
    .style('stroke-width', 4)
    .text((e) => e.label);
  edges.append('title').text((e) => e.label);
  hideCrowdedEvents();

  /**
   * Event names drawn over a state's name or another event's (a busy machine laid out
   * small) give way, state names first; a hidden one stays on its arrow's tooltip. One
   * scale applies to the whole drawing, so what overlaps here overlaps at any size.
   */
  function hideCrowdedEvents(): void {
    const states = boxes.select<SVGTextElement>('text').nodes();
    const events = edges.select<SVGTextElement>('text').nodes();
    const at = (t: SVGTextElement, dx = 0, dy = 0) => {
      const b = t.getBBox?.();
      return b ? quadOf(b, { a: 1, b: 0, c: 0, d: 1, e: dx, f: dy }, 1) : [];
    };
    const quads = [
      ...states.map((t, i) => at(t, layout.boxes[i]!.x, layout.boxes[i]!.y)),
      ...events.map((t) => at(t)),
    ];
    const hide = labelsToHide(quads, [], (i) => i < states.length);
    events.forEach((t, i) => (t.style.display = hide.has(states.length + i) ? 'none' : ''));
  }

  function resize(): void {
    const { width, height } = sizeOf(el);
    const top = 28;
    // Natural size when it fits, shrink to fit otherwise (never enlarge the text).
    const scale = Math.min(1, width / layout.width, (height - top) / layout.height);
    const dx = (width - layout.width * scale) / 2;
    content.attr('transform', `translate(${dx},${top}) scale(${scale})`);
    heading.attr('x', 12);
  }

  resize();
  return {
    update: () => {},
    resize,
    destroy: () => svg.remove(),
    setActive(path) {
      rects
        .style('fill', (b) =>
          isActivePath(b.path, path) ? `color-mix(in srgb, ${css.accent} 20%, ${css.panel})` : css.panel,
        )
        .style('stroke', (b) => (isActivePath(b.path, path) ? css.accent : css.muted))
        .style('stroke-width', (b) => (isActivePath(b.path, path) ? 3 : 1.5));
      setLabel(svg, path ? `${baseLabel} Active: ${path}.` : baseLabel);
    },
  };
}
