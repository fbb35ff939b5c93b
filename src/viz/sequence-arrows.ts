import type { Selection } from 'd3';
import { estimateTextWidth, placeLabels, type Arrow, type Box } from './sequence-model';
import { css, TONE_CSS } from './theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The diagram's left axis and header heights (see sequence.ts). */
const AXIS = 58;
const HEADER = 44;

/**
 * Messages as slanted arrows from (sender, send time) to (receiver, delivery or now),
 * dashed with a red x when dropped, a dot on the head while flying; labels above the
 * newest arrows that have room between their lifelines.
 */
export function drawArrows(
  { gArrows, gLabels }: { gArrows: G; gLabels: G },
  arrows: Arrow[],
  o: {
    xs: readonly number[];
    y: (t: number) => number;
    width: number;
    height: number;
    /** Replies (from core actors) get the second colour, as in the topology view. */
    isReply: (fromColumn: number) => boolean;
    arrowId: string;
    arrowReplyId: string;
  },
): void {
  const { xs, y, width, height, arrowId, arrowReplyId } = o;
  const pts = arrows.map((a) => {
    const x1 = xs[a.from] as number;
    const x2 = x1 + ((xs[a.to] as number) - x1) * Math.min(1, a.reach);
    return { a, x1, y1: y(a.tSend), x2, y2: y(a.tHead), reply: o.isReply(a.from) };
  });
  gArrows
    .selectAll<SVGGElement, (typeof pts)[number]>('g')
    .data(pts, (d) => d.a.row)
    .join((enter) => {
      const g = enter.append('g');
      g.append('line').style('stroke-width', 1.4);
      g.append('path').style('stroke', css.bad).style('stroke-width', 2).style('fill', 'none');
      g.append('circle').attr('r', 3);
      return g;
    })
    .each(function (d) {
      const g = this as SVGGElement;
      // A message the lesson judged (a fresh or stale read) takes its tone's colour.
      const color = d.a.tone ? TONE_CSS[d.a.tone] : d.reply ? css.reply : css.accent;
      if (d.a.tone) g.setAttribute('data-tone', d.a.tone);
      else g.removeAttribute('data-tone');
      const line = g.querySelector('line') as SVGLineElement;
      line.setAttribute('x1', String(d.x1));
      line.setAttribute('y1', String(d.y1));
      line.setAttribute('x2', String(d.x2));
      line.setAttribute('y2', String(d.y2));
      line.style.stroke = color;
      line.style.strokeWidth = d.a.tone && d.a.tone !== 'ok' ? '2.4' : '1.4';
      line.style.strokeDasharray = d.a.status === 'dropped' ? '4 3' : '';
      if (d.a.status === 'delivered')
        line.setAttribute('marker-end', `url(#${d.reply ? arrowReplyId : arrowId})`);
      else line.removeAttribute('marker-end');
      const x = g.querySelector('path') as SVGPathElement;
      x.setAttribute(
        'd',
        d.a.status === 'dropped'
          ? `M${d.x2 - 5},${d.y2 - 5}L${d.x2 + 5},${d.y2 + 5}M${d.x2 + 5},${d.y2 - 5}L${d.x2 - 5},${d.y2 + 5}`
          : '',
      );
      const dot = g.querySelector('circle') as SVGCircleElement;
      dot.style.display = d.a.status === 'flying' ? '' : 'none';
      dot.setAttribute('cx', String(d.x2));
      dot.setAttribute('cy', String(d.y2));
      dot.style.fill = color;
    });
  // Labels: newest first get room; a label sits above its arrow's middle when it fits between the lifelines.
  const order = pts
    .map((_, i) => i)
    .sort((i, j) => (pts[j] as { a: Arrow }).a.tSend - (pts[i] as { a: Arrow }).a.tSend);
  const boxes: Box[] = order.map((i) => {
    const p = pts[i] as (typeof pts)[number];
    const w = estimateTextWidth(p.a.label);
    const span = Math.abs(p.x2 - p.x1);
    const cx = (p.x1 + p.x2) / 2;
    const cy = (p.y1 + p.y2) / 2;
    return span + 16 < w ? { x: -1e6, y: 0, w, h: 12 } : { x: cx - w / 2, y: cy - 15, w, h: 12 };
  });
  const ok = placeLabels(boxes, { x: AXIS, y: HEADER, w: width - AXIS, h: height - HEADER });
  const labels = order.flatMap((i, k) =>
    ok[k] ? [{ p: pts[i] as (typeof pts)[number], box: boxes[k] as Box }] : [],
  );
  gLabels
    .selectAll<SVGTextElement, (typeof labels)[number]>('text')
    .data(labels, (d) => d.p.a.row)
    .join((enter) =>
      enter
        .append('text')
        .attr('text-anchor', 'middle')
        .style('paint-order', 'stroke')
        .style('stroke', css.panel)
        .style('stroke-width', 3),
    )
    .attr('x', (d) => d.box.x + d.box.w / 2)
    .attr('y', (d) => d.box.y + 10)
    .style('fill', (d) => (d.p.a.status === 'dropped' || d.p.a.tone === 'bad' ? css.bad : css.fg))
    .text((d) => (d.p.a.status === 'dropped' ? `${d.p.a.label} ✕` : d.p.a.label));
}
