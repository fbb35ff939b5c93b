import { axisBottom, axisLeft, curveStepAfter, line, scaleLinear } from 'd3';
import { chartHeader, createSvg, setLabel, sizeOf, uid } from './dom';
import { fmtTime, fmtValue } from './format';
import { upperBound } from './search';
import { css } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

const M = { top: 30, right: 18, bottom: 28, left: 50 };

/** The value of a gauge series at t (step function), or undefined before its first sample. */
export function gaugeAt(series: { t: Float64Array; v: Float64Array }, t: number): number | undefined {
  const i = upperBound(series.t, t) - 1;
  return i >= 0 ? series.v[i] : undefined;
}

/**
 * A gauge over virtual time as a step line drawn up to t, with a cursor and the value
 * at t. The y axis grows with the largest value seen so far, so it does not give away the future.
 */
export function mountTimeSeries(
  el: HTMLElement,
  index: TraceIndex,
  opts: { gauge: string; title: string; unit: string },
): ViewHandle {
  const series = index.gauges.get(opts.gauge) ?? { t: new Float64Array(0), v: new Float64Array(0) };
  const n = series.t.length;
  // Running maximum, so the y domain at t is one lookup.
  const runMax = new Float64Array(n);
  for (let i = 0, m = 0; i < n; i++) runMax[i] = m = Math.max(m, series.v[i] as number);
  const integral = series.v.every((v) => Number.isInteger(v));
  const svg = createSvg(el, `${opts.title}: line chart of ${opts.gauge} over time, in ${opts.unit}.`);
  const clipId = uid('ts-clip');
  const clip = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
  const header = chartHeader(svg, opts.title, css.fg);
  const gx = svg.append('g').style('color', css.muted);
  const gy = svg.append('g').style('color', css.muted);
  const unitText = svg.append('text').attr('font-size', 10).style('fill', css.muted).text(opts.unit);
  const area = svg
    .append('path')
    .attr('clip-path', `url(#${clipId})`)
    .style('fill', css.accent)
    .style('fill-opacity', 0.12);
  const path = svg
    .append('path')
    .attr('clip-path', `url(#${clipId})`)
    .style('fill', 'none')
    .style('stroke', css.accent)
    .style('stroke-width', 2);
  const cursor = svg
    .append('line')
    .style('stroke', css.fg)
    .style('stroke-opacity', 0.5)
    .style('stroke-dasharray', '3 3');
  const dot = svg
    .append('circle')
    .attr('r', 4)
    .style('fill', css.accent)
    .style('stroke', css.panel)
    .style('stroke-width', 1.5);
  const empty = svg
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .style('fill', css.muted)
    .text(n ? '' : `No "${opts.gauge}" data in this run`);
  const x = scaleLinear().domain([0, Math.max(1, index.durationMs)]);
  const y = scaleLinear();
  let yMax = -1;
  let t = 0;
  let lastLabel = '';
  let width = 0;
  let height = 0;

  const points = (): [number, number][] => {
    const out: [number, number][] = Array.from({ length: n }, (_, i) => [
      series.t[i] as number,
      series.v[i] as number,
    ]);
    if (n) out.push([index.durationMs, series.v[n - 1] as number]);
    return out;
  };

  function redrawLines(): void {
    const data = points();
    const l = line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]))
      .curve(curveStepAfter);
    path.attr('d', l(data) ?? '');
    const base = y(0);
    area.attr('d', data.length ? `${l(data)}L${x(index.durationMs)},${base}L${x(data[0]![0])},${base}Z` : '');
    // Counts (requests, queue length) get whole-number ticks only.
    const room = Math.max(2, Math.floor((height - M.top - M.bottom) / 40));
    const ticks = y
      .ticks(integral ? Math.min(room, yMax) : room)
      .filter((v) => !integral || Number.isInteger(v));
    gy.attr('transform', `translate(${M.left},0)`).call(
      axisLeft(y)
        .tickValues(ticks)
        .tickFormat((d) => fmtCompact(Number(d))),
    );
  }

  function build(): void {
    ({ width, height } = sizeOf(el));
    x.range([M.left, width - M.right]);
    y.range([height - M.bottom, M.top + 8]);
    gx.attr('transform', `translate(0,${height - M.bottom})`).call(
      axisBottom(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickFormat((d) => fmtTime(Number(d))),
    );
    unitText.attr('x', M.left + 4).attr('y', M.top + 4);
    clip.attr('x', M.left).attr('y', 0).attr('height', height);
    cursor
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', M.top)
      .attr('y2', height - M.bottom);
    header.show(lastLabel, width - M.right);
    empty.attr('x', width / 2).attr('y', height / 2);
    yMax = -1;
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const i = upperBound(series.t, t) - 1;
    const max = i >= 0 ? (runMax[i] as number) : 0;
    const nice = niceMax(max);
    if (nice !== yMax) {
      yMax = nice;
      y.domain([0, nice]);
      redrawLines();
    }
    const cx = x(Math.min(Math.max(t, 0), index.durationMs));
    clip.attr('width', Math.max(0, cx - M.left));
    // The cursor's extent is set on resize; a frame only moves it.
    cursor.attr('transform', `translate(${cx},0)`);
    const v = gaugeAt(series, t);
    dot
      .style('display', v === undefined ? 'none' : '')
      .attr('cx', cx)
      .attr('cy', y(v ?? 0));
    const label = v === undefined ? '' : `${fmtValue(v, opts.unit)} at ${fmtTime(t)}`;
    if (label !== lastLabel) {
      lastLabel = label;
      header.show(label, width - M.right);
      setLabel(svg, `${opts.title}: ${label || 'no data yet'}.`);
    }
  }

  build();
  return { update, resize: build, destroy: () => svg.remove() };
}

/** A domain top that changes rarely: the next "nice" number at or above the max (at least 1). */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

function fmtCompact(v: number): string {
  return Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : String(Math.round(v * 100) / 100);
}
