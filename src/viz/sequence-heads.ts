import type { scaleLinear, Selection } from 'd3';
import type { ActorInfo } from '../engine/sim';
import { fmtAxisTime } from './format';
import { css } from './theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * The space-time diagram's header: one name and kind per lifeline (cut short with "…"
 * when wider than its column, whole in its tooltip), and how many actors are left out.
 */
export function drawHeads(
  g: G,
  shown: readonly ActorInfo[],
  xs: readonly number[],
  colW: number,
  o: { hidden: number; pinned: readonly number[]; width: number; header: number; axis: number },
): void {
  g.selectAll('*').remove();
  // About 0.62 of the font size a character (bold names run wider than plain text).
  const fit = (text: string, px: number) => {
    const max = Math.max(2, Math.floor((colW - 6) / (px * 0.62)));
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  };
  shown.forEach((a, i) => {
    const head = g.append('g').attr('transform', `translate(${xs[i]},0)`).attr('text-anchor', 'middle');
    const selected = o.pinned.includes(a.id);
    head.append('title').text(`${a.name} (${a.kind})${selected ? ', selected' : ''}`);
    head
      .append('text')
      .attr('y', 17)
      .attr('font-size', 12)
      .attr('font-weight', 600)
      .style('fill', selected ? css.accent : css.fg)
      .text(fit(a.name, 12));
    head.append('text').attr('y', 31).attr('font-size', 10).style('fill', css.muted).text(fit(a.kind, 10));
  });
  if (o.hidden > 0) {
    const more = g.append('text').attr('x', 4).attr('y', 16).attr('font-size', 10).style('fill', css.muted);
    more.append('tspan').text(`+${o.hidden.toLocaleString('en-US')} more`);
    // Two short lines, clear of the first lifeline's name; the space keeps the words apart in the text read out.
    more.append('tspan').attr('x', 4).attr('dy', 12).text('select ');
    more.append('tspan').attr('x', 4).attr('dy', 12).text('to add');
    more
      .append('title')
      .text(
        'Shown: the servers, the actor you select in the topology, then the busiest. Select an actor to add it.',
      );
  }
  g.append('line')
    .attr('x1', o.axis - 4)
    .attr('x2', o.width)
    .attr('y1', o.header)
    .attr('y2', o.header)
    .style('stroke', css.muted)
    .style('stroke-opacity', 0.4);
}

/** Time ticks down the left edge, for the window shown. */
export function drawAxis(
  g: G,
  y: ReturnType<typeof scaleLinear<number, number>>,
  top: number,
  bottom: number,
  AXIS: number,
): void {
  const ticks = y
    .ticks(Math.max(2, Math.floor((y.range()[1]! - y.range()[0]!) / 60)))
    .filter((v) => v >= top && v <= bottom);
  g.selectAll<SVGGElement, number>('g')
    .data(ticks, (d) => d)
    .join((enter) => {
      const tick = enter.append('g');
      tick
        .append('line')
        .attr('x1', AXIS - 8)
        .attr('x2', AXIS - 3)
        .style('stroke', css.muted);
      tick
        .append('text')
        .attr('x', AXIS - 11)
        .attr('dy', '0.32em')
        .attr('text-anchor', 'end')
        .attr('font-size', 10)
        .style('fill', css.muted)
        .text((d) => fmtAxisTime(d));
      return tick;
    })
    .attr('transform', (d) => `translate(0,${y(d)})`);
}
