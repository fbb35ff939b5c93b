import { chartHeader, createSvg, setLabel, sizeOf } from './dom';
import { fmtNumber } from './format';
import { queueCells, rowCapacity, type QueueRowState } from './queue-cells';
import { css } from './theme';
import { gaugeAt } from './timeseries';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

const CELL = 8;
const GAP = 2;
const PAD = 12;
const HEADER = 30;
const LABEL = 18;

const ROW_TEXT: Record<QueueRowState, { name: string; hint: string; color: string }> = {
  visible: { name: 'Visible', hint: 'waiting to be received', color: css.accent },
  inFlight: { name: 'In flight', hint: 'received, not yet deleted', color: css.warn },
  deadLettered: { name: 'Dead-lettered', hint: 'gave up after max receives', color: css.bad },
};

export interface QueueViewOptions {
  title: string;
  /** Gauges holding the messages in each state (as the kit's MessageQueue records them). */
  visible: string;
  inFlight: string;
  deadLettered?: string;
}

/**
 * A message queue as a row of cells per state (visible, in flight, dead-lettered), each
 * cell one message, or a 1-2-5 number of them once a row would overflow its lines. The
 * counts are the gauges at playback time t, so cells come and go as the run plays.
 */
export function mountQueue(el: HTMLElement, index: TraceIndex, opts: QueueViewOptions): ViewHandle {
  const gauges: [QueueRowState, string | undefined][] = [
    ['visible', opts.visible],
    ['inFlight', opts.inFlight],
    ['deadLettered', opts.deadLettered],
  ];
  const series = gauges
    .filter((g): g is [QueueRowState, string] => g[1] !== undefined)
    .map(([state, name]) => ({
      state,
      s: index.gauges.get(name) ?? { t: new Float64Array(0), v: new Float64Array(0) },
    }));
  const svg = createSvg(el, `${opts.title}: messages in the queue by state.`);
  const scaleText = chartHeader(svg, opts.title, css.fg).value;
  const rowsG = svg.append('g');
  let width = 0;
  let height = 0;
  let capacity = 1;
  let lines = 1;
  let t = 0;
  let drawn = '';

  const countsAt = (tt: number) => {
    const out: Partial<Record<QueueRowState, number>> = {};
    for (const { state, s } of series) out[state] = gaugeAt(s, tt) ?? 0;
    return out;
  };

  function build(): void {
    ({ width, height } = sizeOf(el));
    const perRow = (height - HEADER - PAD) / Math.max(1, series.length) - LABEL - 6;
    lines = Math.max(1, Math.min(6, Math.floor((perRow + GAP) / (CELL + GAP))));
    capacity = rowCapacity(width - 2 * PAD, CELL, GAP, lines);
    scaleText.attr('x', width - PAD);
    drawn = '';
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const q = queueCells(countsAt(t), capacity);
    const key = `${q.perCell}|${q.rows.map((r) => `${r.count}:${r.cells}`).join(',')}`;
    if (key === drawn) return;
    drawn = key;
    scaleText.text(q.perCell > 1 ? `1 cell = ${fmtNumber(q.perCell)} messages` : '1 cell = 1 message');
    const perLine = Math.max(1, Math.floor((width - 2 * PAD + GAP) / (CELL + GAP)));
    const rowH = LABEL + lines * (CELL + GAP) + 6;
    const rows = rowsG
      .selectAll<SVGGElement, (typeof q.rows)[number]>('g.queue-row')
      .data(q.rows, (r) => r.state)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'queue-row');
        g.append('text').attr('class', 'queue-name').attr('font-size', 12).attr('y', 12);
        g.append('text')
          .attr('class', 'queue-count')
          .attr('font-size', 12)
          .attr('font-weight', 600)
          .attr('y', 12)
          .attr('text-anchor', 'end');
        g.append('g')
          .attr('class', 'queue-cells')
          .attr('transform', `translate(0,${LABEL - 2})`);
        return g;
      })
      .attr('transform', (_, i) => `translate(${PAD},${HEADER + i * rowH})`);
    rows
      .select<SVGTextElement>('text.queue-name')
      .style('fill', css.fg)
      .text((r) =>
        width < 300 ? ROW_TEXT[r.state].name : `${ROW_TEXT[r.state].name}: ${ROW_TEXT[r.state].hint}`,
      );
    rows
      .select<SVGTextElement>('text.queue-count')
      .attr('x', width - 2 * PAD)
      .style('fill', (r) => ROW_TEXT[r.state].color)
      .text((r) => fmtNumber(r.count));
    rows.each(function (r) {
      const cells = rowsG
        .selectAll<SVGGElement, unknown>('g.queue-row')
        .filter((d) => d === r)
        .select<SVGGElement>('g.queue-cells')
        .selectAll<SVGRectElement, number>('rect')
        .data(Array.from({ length: r.cells }, (_, i) => i));
      cells
        .join('rect')
        .attr('width', CELL)
        .attr('height', CELL)
        .attr('rx', 1.5)
        .attr('x', (i) => (i % perLine) * (CELL + GAP))
        .attr('y', (i) => Math.floor(i / perLine) * (CELL + GAP))
        .style('fill', ROW_TEXT[r.state].color);
    });
    const parts = q.rows.map((r) => `${fmtNumber(r.count)} ${ROW_TEXT[r.state].name.toLowerCase()}`);
    setLabel(svg, `${opts.title}: ${parts.join(', ')}.`);
  }

  build();
  return { update, resize: build, destroy: () => svg.remove() };
}
