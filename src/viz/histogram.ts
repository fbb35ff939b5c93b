import { axisBottom, axisLeft, scaleLinear, scaleLog } from 'd3';
import { chartHeader, createSvg, setLabel, sizeOf } from './dom';
import { fmtNumber, fmtValue } from './format';
import { buildHistogram, PrefixCounts } from './histogram-data';
import { css } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

const M = { top: 48, right: 20, bottom: 34, left: 46 };

/** "p50 55 ms": the label a percentile marker carries. */
export function percentileLabel(name: string, value: number, unit: string): string {
  return `${name} ${fmtValue(value, unit)}`;
}

/**
 * Histogram of a summary's observations up to t, with p50 and p99 as labelled lines.
 * Bins are fixed over the run (log-spaced when values span orders of magnitude).
 */
export function mountHistogram(
  el: HTMLElement,
  index: TraceIndex,
  opts: { summary: string; title: string; unit: string },
): ViewHandle {
  const series = index.samples[opts.summary] ?? { t: new Float64Array(0), value: new Float64Array(0) };
  const data = buildHistogram(series);
  const counts = new PrefixCounts(data);
  const svg = createSvg(el, `${opts.title}: histogram of ${opts.summary} in ${opts.unit}.`);
  const header = chartHeader(svg, opts.title, css.fg);
  const gx = svg.append('g').style('color', css.muted);
  const gy = svg.append('g').style('color', css.muted);
  const xUnit = svg
    .append('text')
    .attr('text-anchor', 'end')
    .attr('font-size', 10)
    .style('fill', css.muted)
    .text(`${opts.unit}${data.log ? ' (log scale)' : ''}`);
  const gBars = svg.append('g');
  const gMarks = svg.append('g');
  const empty = svg
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .style('fill', css.muted);
  const first = data.edges[0] as number;
  const last = data.edges[data.edges.length - 1] as number;
  const x = data.log ? scaleLog().domain([first, last]) : scaleLinear().domain([first, last]);
  const y = scaleLinear();
  let width = 0;
  let height = 0;
  let drawnCount = -1;

  function build(): void {
    ({ width, height } = sizeOf(el));
    x.range([M.left, width - M.right]);
    y.range([height - M.bottom, M.top]);
    const xAxis = axisBottom(x as ReturnType<typeof scaleLinear<number, number>>).ticks(
      Math.max(2, Math.floor(width / 80)),
      data.log ? '~s' : undefined,
    );
    if (!data.log) xAxis.tickFormat((d) => fmtNumber(Number(d)));
    gx.attr('transform', `translate(0,${height - M.bottom})`).call(xAxis);
    xUnit.attr('x', width - M.right).attr('y', height - 3);
    empty.attr('x', width / 2).attr('y', (M.top + height - M.bottom) / 2);
    drawnCount = -1;
    render();
  }

  function render(): void {
    const n = counts.count;
    if (n === drawnCount) return;
    drawnCount = n;
    let maxBin = 0;
    for (const c of counts.bins) maxBin = Math.max(maxBin, c);
    y.domain([0, Math.max(1, maxBin)]).nice();
    // Counts are whole numbers: no ticks between them.
    const room = Math.max(2, Math.floor((height - M.top - M.bottom) / 36));
    const ticks = y.ticks(Math.min(room, y.domain()[1] as number)).filter((v) => Number.isInteger(v));
    gy.attr('transform', `translate(${M.left},0)`).call(
      axisLeft(y)
        .tickValues(ticks)
        .tickFormat((d) => fmtNumber(Number(d))),
    );
    const bars = Array.from(counts.bins, (c, k) => ({
      k,
      c,
      x0: x(data.edges[k] as number),
      x1: x(data.edges[k + 1] as number),
    }));
    gBars
      .selectAll<SVGRectElement, (typeof bars)[number]>('rect')
      .data(bars, (d) => d.k)
      .join((enter) => enter.append('rect').style('fill', css.accent).style('fill-opacity', 0.75))
      .attr('x', (d) => d.x0 + 0.5)
      .attr('width', (d) => Math.max(0.5, d.x1 - d.x0 - 1))
      .attr('y', (d) => y(d.c))
      .attr('height', (d) => y(0) - y(d.c));
    header.show(`${fmtNumber(n)} sample${n === 1 ? '' : 's'}`, width - M.right);
    empty.text(n ? '' : series.value.length ? 'No samples yet' : `No "${opts.summary}" samples in this run`);
    drawMarks();
  }

  /** p50 and p99 as dashed lines; when they are close the p99 label moves down a row instead of overlapping. */
  function drawMarks(): void {
    const marks = (['p50', 'p99'] as const).flatMap((name) => {
      const v = counts.quantile(name === 'p50' ? 0.5 : 0.99);
      return v === undefined
        ? []
        : [{ name, v, px: x(Math.max(first, Math.min(last, v))), text: percentileLabel(name, v, opts.unit) }];
    });
    const [p50, p99] = marks;
    // Where each label runs (about 6.9 px a character at 11 px bold): right of its line, or left near the edge.
    const span = (m: (typeof marks)[number]) => {
      const w = m.text.length * 6.9;
      return m.px > width - 110 ? [m.px - 4 - w, m.px - 4] : [m.px + 4, m.px + 4 + w];
    };
    const stacked = p50 && p99 && span(p50)[0]! < span(p99)[1]! + 8 && span(p99)[0]! < span(p50)[1]! + 8;
    const g = gMarks.selectAll<SVGGElement, (typeof marks)[number]>('g').data(marks, (d) => d.name);
    g.join((enter) => {
      const e = enter.append('g');
      e.append('line').style('stroke-width', 1.5).style('stroke-dasharray', '5 3');
      e.append('text')
        .attr('font-size', 11)
        .attr('font-weight', 600)
        .style('paint-order', 'stroke')
        .style('stroke', css.panel)
        .style('stroke-width', 3);
      return e;
    }).each(function (d) {
      const color = d.name === 'p50' ? css.ok : css.bad;
      const row = d.name === 'p99' && stacked ? 1 : 0;
      const right = d.px > width - 110;
      const line = this.querySelector('line') as SVGLineElement;
      Object.entries({ x1: d.px, x2: d.px, y1: M.top - 14 + row * 14, y2: height - M.bottom }).forEach(
        ([k, v]) => line.setAttribute(k, String(v)),
      );
      line.style.stroke = color;
      const text = this.querySelector('text') as SVGTextElement;
      text.setAttribute('x', String(d.px + (right ? -4 : 4)));
      text.setAttribute('y', String(M.top - 16 + row * 14));
      text.setAttribute('text-anchor', right ? 'end' : 'start');
      text.style.fill = color;
      text.textContent = d.text;
    });
    setLabel(
      svg,
      `${opts.title}: ${fmtNumber(counts.count)} samples${marks.length ? `, ${marks.map((m) => m.text).join(', ')}` : ''}.`,
    );
  }

  build();
  return {
    update(t: number) {
      counts.seek(t);
      render();
    },
    resize: build,
    destroy: () => svg.remove(),
  };
}
