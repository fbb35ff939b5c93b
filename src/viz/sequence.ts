import { scaleLinear, type Selection } from 'd3';
import { addArrowMarker, createSvg, sizeOf, uid } from './dom';
import { fmtTime } from './format';
import {
  defaultWindow,
  estimateTextWidth,
  pickLifelines,
  trafficOf,
  placeLabels,
  timeWindow,
  visibleArrows,
  type Arrow,
  type Box,
} from './sequence-model';
import { css, stateColors } from './theme';
import { isEdgeActor } from './topology-layout';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

type G = Selection<SVGGElement, unknown, null, undefined>;

const HEADER = 44;
const AXIS = 58;

/**
 * Space-time diagram: a lifeline per actor, time running down, each message a slanted
 * arrow from (sender, send time) to (receiver, delivery time). The window follows t.
 */
export function mountSequence(
  el: HTMLElement,
  index: TraceIndex,
  opts: { maxActors?: number; windowMs?: number; pinned?: readonly number[] } = {},
): ViewHandle {
  const { shown, hidden } = pickLifelines(index.actors, opts.maxActors ?? 6, {
    pinned: opts.pinned,
    traffic: trafficOf(index.links),
  });
  const names = shown.map((a) => a.name).join(', ');
  const svg = createSvg(
    el,
    `Sequence diagram of messages between ${names}${hidden ? ` and ${hidden} more not shown` : ''}; time runs downward.`,
  );
  const clipId = uid('seq-clip');
  const arrowId = uid('seq-arrow');
  const arrowReplyId = uid('seq-arrow-reply');
  addArrowMarker(svg, arrowId, css.accent);
  addArrowMarker(svg, arrowReplyId, css.reply);
  const clipRect = svg.select('defs').append('clipPath').attr('id', clipId).append('rect');
  const gAxis: G = svg.append('g').attr('class', 'axis');
  const gHead: G = svg.append('g').attr('class', 'lifeline-heads');
  const body: G = svg.append('g').attr('clip-path', `url(#${clipId})`);
  const gLanes: G = body.append('g');
  const gBands: G = body.append('g');
  const gArrows: G = body.append('g');
  const gLabels: G = body.append('g').attr('font-size', 10);
  const nowLine = svg
    .append('line')
    .style('stroke', css.fg)
    .style('stroke-width', 1.5)
    .style('stroke-dasharray', '5 3');
  const nowText = svg
    .append('text')
    .attr('font-size', 10.5)
    .attr('font-weight', 600)
    .attr('text-anchor', 'end')
    .style('fill', css.fg);
  const column = new Map<number, number>(shown.map((a, i) => [a.id, i]));
  const counts = new Map<string, number>();
  for (const a of index.actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  // Replies (from core actors) get the second colour, as in the topology view.
  const isCore = new Set(shown.filter((a) => !isEdgeActor(counts, a.kind)).map((a) => a.id));
  const colorOf = stateColors(index.statesByKind);
  const windowMs = opts.windowMs ?? defaultWindow(index);
  const y = scaleLinear();
  let xs: number[] = [];
  let width = 0;
  let height = 0;
  let t = 0;

  function build(): void {
    ({ width, height } = sizeOf(el));
    const colW = (width - AXIS - 10) / Math.max(1, shown.length);
    xs = shown.map((_, i) => AXIS + colW * (i + 0.5));
    y.range([HEADER + 6, height - 8]);
    clipRect
      .attr('x', AXIS - 4)
      .attr('y', HEADER)
      .attr('width', width - AXIS + 4)
      .attr('height', height - HEADER);
    gHead.selectAll('*').remove();
    gLanes.selectAll('*').remove();
    shown.forEach((a, i) => {
      const x = xs[i] as number;
      const head = gHead.append('g').attr('transform', `translate(${x},0)`).attr('text-anchor', 'middle');
      // Headers never run together: a name wider than its column is cut short, whole in its tooltip.
      const fit = (text: string, px: number) => {
        const max = Math.max(2, Math.floor((colW - 6) / (px * 0.6)));
        return text.length > max ? `${text.slice(0, max - 1)}…` : text;
      };
      head.append('title').text(`${a.name} (${a.kind})${opts.pinned?.includes(a.id) ? ', selected' : ''}`);
      head
        .append('text')
        .attr('y', 17)
        .attr('font-size', 12)
        .attr('font-weight', 600)
        .style('fill', opts.pinned?.includes(a.id) ? css.accent : css.fg)
        .text(fit(a.name, 12));
      head.append('text').attr('y', 31).attr('font-size', 10).style('fill', css.muted).text(fit(a.kind, 10));
      gLanes
        .append('line')
        .attr('x1', x)
        .attr('x2', x)
        .attr('y1', HEADER)
        .attr('y2', height)
        .style('stroke', css.muted)
        .style('stroke-opacity', 0.5)
        .style('stroke-dasharray', '2 3');
    });
    if (hidden > 0) {
      const more = gHead
        .append('text')
        .attr('x', 6)
        .attr('y', 16)
        .attr('font-size', 10)
        .style('fill', css.muted);
      more.append('tspan').text(`+${hidden.toLocaleString('en-US')} more`);
      more.append('tspan').attr('x', 6).attr('dy', 12).text('select to add');
      more
        .append('title')
        .text(
          'Shown: the servers, the actor you select in the topology, then the busiest. Select an actor to add it.',
        );
    }
    gHead
      .append('line')
      .attr('x1', AXIS - 4)
      .attr('x2', width)
      .attr('y1', HEADER)
      .attr('y2', HEADER)
      .style('stroke', css.muted)
      .style('stroke-opacity', 0.4);
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const { top, bottom } = timeWindow(t, windowMs);
    y.domain([top, bottom]);
    drawAxis(gAxis, y, top, bottom);
    drawBands(top);
    const arrows = visibleArrows(index, column, t, top);
    drawArrows(arrows);
    const yNow = y(t);
    nowLine
      .attr('x1', AXIS - 4)
      .attr('x2', width)
      .attr('y1', yNow)
      .attr('y2', yNow);
    nowText
      .attr('x', width - 6)
      .attr('y', yNow - 4)
      .text(`now ${fmtTime(t)}`);
  }

  /** A narrow coloured band on each lifeline shows the actor's state (e.g. requesting, holding, down). */
  function drawBands(top: number): void {
    const bands: { key: string; x: number; y0: number; y1: number; color: string; state: string }[] = [];
    shown.forEach((a, i) => {
      const changes = index.stateChanges(a.id, top, t);
      // The kind's first state is its resting state (idle, waiting): only the others get a band, like activation bars.
      const rest = index.statesByKind.get(a.kind)?.[0];
      changes.forEach((c, k) => {
        const end = k + 1 < changes.length ? (changes[k + 1] as { t: number }).t : t;
        if (end <= top || !c.state || c.state === rest) return;
        bands.push({
          key: `${a.id}:${c.t}:${k}`,
          x: xs[i] as number,
          y0: y(Math.max(c.t, top)),
          y1: y(end),
          color: colorOf(c.state),
          state: c.state,
        });
      });
    });
    gBands
      .selectAll<SVGRectElement, (typeof bands)[number]>('rect')
      .data(bands, (d) => d.key)
      .join((enter) =>
        enter
          .append('rect')
          .attr('width', 7)
          .style('opacity', 0.55)
          .call((r) => r.append('title')),
      )
      .attr('x', (d) => d.x - 3.5)
      .attr('y', (d) => d.y0)
      .attr('height', (d) => Math.max(0.5, d.y1 - d.y0))
      .style('fill', (d) => d.color)
      .select('title')
      .text((d) => d.state);
  }

  function drawArrows(arrows: Arrow[]): void {
    const pts = arrows.map((a) => {
      const x1 = xs[a.from] as number;
      const x2 = x1 + ((xs[a.to] as number) - x1) * Math.min(1, a.reach);
      return { a, x1, y1: y(a.tSend), x2, y2: y(a.tHead), reply: isCore.has(shown[a.from]?.id ?? -1) };
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
        const color = d.reply ? css.reply : css.accent;
        const line = g.querySelector('line') as SVGLineElement;
        line.setAttribute('x1', String(d.x1));
        line.setAttribute('y1', String(d.y1));
        line.setAttribute('x2', String(d.x2));
        line.setAttribute('y2', String(d.y2));
        line.style.stroke = color;
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
      .style('fill', (d) => (d.p.a.status === 'dropped' ? css.bad : css.fg))
      .text((d) => (d.p.a.status === 'dropped' ? `${d.p.a.label} ✕` : d.p.a.label));
  }

  build();
  return {
    update,
    resize: build,
    destroy: () => svg.remove(),
  };
}

function drawAxis(
  g: G,
  y: ReturnType<typeof scaleLinear<number, number>>,
  top: number,
  bottom: number,
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
        .text((d) => fmtTime(d));
      return tick;
    })
    .attr('transform', (d) => `translate(0,${y(d)})`);
}
