import { scaleLinear, type Selection } from 'd3';
import { addArrowMarker, createSvg, sizeOf, uid } from './dom';
import { fmtTime } from './format';
import { drawArrows } from './sequence-arrows';
import { drawAxis, drawHeads } from './sequence-heads';
import { defaultWindow, pickLifelines, trafficOf, timeWindow, visibleArrows } from './sequence-model';
import { css, stateColors } from './theme';
import { isEdgeActor } from './topology-layout';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Header height and axis width; sequence-arrows.ts keeps the same figures. */
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
    gLanes.selectAll('*').remove();
    drawHeads(gHead, shown, xs, colW, {
      hidden,
      pinned: opts.pinned ?? [],
      width,
      header: HEADER,
      axis: AXIS,
    });
    for (const x of xs)
      gLanes
        .append('line')
        .attr('x1', x)
        .attr('x2', x)
        .attr('y1', HEADER)
        .attr('y2', height)
        .style('stroke', css.muted)
        .style('stroke-opacity', 0.5)
        .style('stroke-dasharray', '2 3');
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const { top, bottom } = timeWindow(t, windowMs);
    y.domain([top, bottom]);
    drawAxis(gAxis, y, top, bottom, AXIS);
    drawBands(top);
    const arrows = visibleArrows(index, column, t, top);
    drawArrows({ gArrows, gLabels }, arrows, {
      xs,
      y,
      width,
      height,
      isReply: (from) => isCore.has(shown[from]?.id ?? -1),
      arrowId,
      arrowReplyId,
    });
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

  build();
  return {
    update,
    resize: build,
    destroy: () => svg.remove(),
  };
}
