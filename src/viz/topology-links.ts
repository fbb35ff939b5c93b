import type { Selection } from 'd3';
import { css } from './theme';
import type { NodeLayout } from './topology-layout';
import type { TraceIndex } from './trace-index';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Line = Selection<SVGLineElement, unknown, null, undefined>;

export interface LinkEl {
  a: number;
  b: number;
  el: Line;
}

/** A standing connection or a fault (partition, slow link), shown only while it lasts. */
export interface IntervalEl {
  from: number;
  to: number;
  el: G | Line;
  shown: boolean;
}

type Pos = (id: number) => NodeLayout | undefined;

/** Faint lines between nodes that talk (SVG; crowds of hundreds go on the canvas instead). */
export function drawLinks(
  g: G,
  links: readonly { a: number; b: number }[],
  pos: Pos,
  skip: ReadonlySet<number>,
): LinkEl[] {
  g.selectAll('*').remove();
  const out: LinkEl[] = [];
  for (const l of links) {
    const a = pos(l.a);
    const b = pos(l.b);
    if (!a || !b || skip.has(l.a) || skip.has(l.b)) continue;
    const line = g
      .append('line')
      .attr('x1', a.x)
      .attr('y1', a.y)
      .attr('x2', b.x)
      .attr('y2', b.y)
      .style('stroke', css.muted);
    out.push({ a: l.a, b: l.b, el: line });
  }
  return out;
}

/**
 * Open connections as thick green lines, partitions as cut red ones, slow links as
 * dashed amber ones with their factor. A collapsed crowd's members' lines end at the crowd.
 */
export function drawIntervals(
  gStanding: G,
  gFaults: G,
  index: TraceIndex,
  pos: Pos,
  dense: boolean,
): IntervalEl[] {
  gStanding.selectAll('*').remove();
  gFaults.selectAll('*').remove();
  const out: IntervalEl[] = [];
  for (const c of index.connections) {
    const a = pos(c.a);
    const b = pos(c.b);
    if (!a || !b) continue;
    const line = gStanding.append('line').attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y);
    line
      .style('stroke', css.ok)
      .style('stroke-width', dense ? 2 : 4)
      .style('stroke-linecap', 'round')
      .style('stroke-opacity', 0.75)
      .style('display', 'none');
    line.append('title').text(`connection ${c.label}`);
    out.push({ from: c.from, to: c.to, el: line, shown: false });
  }
  const faultLines = [
    ...index.partitions.map((p) => ({ ...p, color: css.bad, text: '✂ partitioned' })),
    ...index.slow.map((p) => ({
      ...p,
      color: css.warn,
      text: p.label.replace(/^slow\s+.*?\s+x/, 'slow ×'),
    })),
  ];
  for (const f of faultLines) {
    const a = pos(f.a);
    const b = pos(f.b);
    if (!a || !b) continue;
    const g = gFaults.append('g').style('display', 'none');
    g.append('line')
      .attr('x1', a.x)
      .attr('y1', a.y)
      .attr('x2', b.x)
      .attr('y2', b.y)
      .style('stroke', f.color)
      .style('stroke-width', 2.5)
      .style('stroke-dasharray', '6 4');
    g.append('text')
      .attr('x', (a.x + b.x) / 2)
      .attr('y', (a.y + b.y) / 2 - 6)
      .attr('text-anchor', 'middle')
      .attr('font-size', 11)
      .attr('font-weight', 600)
      .style('fill', f.color)
      .style('paint-order', 'stroke')
      .style('stroke', css.panel)
      .style('stroke-width', 3)
      .text(f.text);
    out.push({ from: f.from, to: f.to, el: g, shown: false });
  }
  return out;
}

/** Shows the connections and faults that hold at t; touches the DOM only on a change. */
export function showIntervals(els: IntervalEl[], t: number): void {
  for (const iv of els) {
    const on = iv.from <= t && t < iv.to;
    if (on !== iv.shown) {
      iv.shown = on;
      iv.el.style('display', on ? '' : 'none');
    }
  }
}
