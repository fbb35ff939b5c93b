import type { Selection } from 'd3';
import { chartHeader, createSvg, setLabel, sizeOf } from './dom';
import { fmtNumber, fmtTime } from './format';
import { drawMarkers, LEGEND_LINE, markerLegend, MARKER_BAND } from './logs-markers';
import {
  logsAt,
  lowestCursor,
  markersAt,
  offsetDomain,
  rowsShown,
  type LogRowAt,
  type LogsSpec,
} from './logs-model';
import { css } from './theme';
import { niceMax } from './timeseries';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

/** Cursor colours, in the order the spec names the cursors. */
const CURSOR_COLORS = [css.accent, css.reply, css.warn, css.ok];
const TOP = 46;
const BOTTOM = 18;
const LEFT = 34;
const LAG_COL = 44;

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Partitioned (or replicated) logs as horizontal bars over offsets: the part retention
 * deleted, the records kept, the end offset, and each cursor (a consumer group's committed
 * offset, a follower's applied position) as a marker with its lag to the end drawn and
 * written beside the row; markers (a session's last write) cross every row, red where a
 * row has not applied them yet. Everything is read from gauges at the playback time, so it scrubs.
 */
export function mountLogs(el: HTMLElement, index: TraceIndex, spec: LogsSpec): ViewHandle {
  const svg = createSvg(el, `${spec.title}: logs and positions along them.`);
  const valueText = chartHeader(svg, spec.title, css.fg).value;
  const legend = svg.append('g').attr('font-size', 11);
  const body = svg.append('g');
  const marks = svg.append('g').attr('class', 'log-markers');
  /** Where the rows start: under the legend (one or two lines) and the markers' names. */
  let top = TOP + (spec.markers?.length ? MARKER_BAND : 0);
  const axisText = svg.append('text').attr('font-size', 10).style('fill', css.muted);
  const n = rowsShown(index.gauges, spec);
  const colorOf = (k: number) => CURSOR_COLORS[k % CURSOR_COLORS.length] as string;
  let width = 0;
  let height = 0;
  let t = 0;
  let rowsG: G[] = [];
  /** The first offset on screen (see LogsSpec.tail). */
  let lo = 0;

  function build(): void {
    ({ width, height } = sizeOf(el));
    valueText
      .attr('x', width - 10)
      .attr('y', height - 5)
      .attr('font-size', 11);
    legend.selectAll('*').remove();
    let lx = 12;
    spec.cursors.forEach((c, k) => {
      const g = legend.append('g').attr('transform', `translate(${lx},34)`);
      g.append('path')
        .attr('d', marker(k, 0, 0))
        .style('fill', colorOf(k));
      const text = g.append('text').attr('x', 8).attr('y', 4).style('fill', css.fg).text(c.label);
      lx += 16 + (text.node()?.getComputedTextLength?.() || c.label.length * 6) + 10;
    });
    if (spec.markers?.length) {
      const placed = markerLegend(legend, lx, width - 8 - LAG_COL * Math.max(1, spec.cursors.length));
      lx = placed.x;
      // A legend on two lines pushes the markers' names (and the rows) down by a line.
      top = TOP + MARKER_BAND + (placed.wrapped ? LEGEND_LINE : 0);
    }
    // The lag columns' heading, right of the bars.
    const right = width - 8 - LAG_COL * Math.max(1, spec.cursors.length);
    if (spec.cursors.length && lx < right)
      legend
        .append('text')
        .attr('x', right + 6)
        .attr('y', 38)
        .style('fill', css.muted)
        .text('lag');
    body.selectAll('*').remove();
    rowsG = [];
    for (let i = 0; i < n; i++) rowsG.push(body.append('g'));
    axisText.attr('x', LEFT).attr('y', height - 5);
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const rows = logsAt(index.gauges, spec, t);
    const longest = Math.max(1, ...rows.map((r) => r.end));
    const domain = offsetDomain(spec, longest, niceMax(longest), lowestCursor(rows));
    lo = domain.lo;
    const hi = domain.hi;
    const right = width - 8 - LAG_COL * Math.max(1, spec.cursors.length);
    const x = (o: number) =>
      LEFT + ((Math.max(lo, Math.min(o, hi)) - lo) / Math.max(1, hi - lo)) * Math.max(1, right - LEFT);
    const rowH = n ? Math.min(56, (height - top - BOTTOM) / n) : 0;
    rows.forEach((r, i) => drawRow(rowsG[i]!, r, top + i * rowH, rowH, x, right));
    const markers = markersAt(index.gauges, spec, rows, t);
    drawMarkers(marks, markers, rows, { x, top, rowH, lo });
    axisText.text(`offsets ${fmtNumber(lo)}–${fmtNumber(hi)} · ${fmtTime(t)}`);
    const worst = Math.max(0, ...rows.flatMap((r) => r.cursors.map((c) => c.lag ?? 0)));
    valueText.text(spec.cursors.length ? `max lag ${fmtNumber(worst)}` : '');
    const behind = markers
      .filter((mk) => mk.behind.length)
      .map((mk) => `${mk.label}'s last write not yet applied on ${mk.behind.join(', ')}`);
    setLabel(
      svg,
      `${spec.title} at ${fmtTime(t)}: ${[...rows.map((r) => describe(r, spec)), ...behind].join('; ')}.`,
    );
  }

  function drawRow(g: G, r: LogRowAt, y0: number, h: number, x: (o: number) => number, right: number): void {
    g.selectAll('*').remove();
    const barH = Math.max(6, Math.min(14, h * 0.36));
    const mid = y0 + h / 2;
    const yBar = mid - barH / 2;
    g.append('text')
      .attr('x', 6)
      .attr('y', mid + 4)
      .attr('font-size', 11)
      .style('fill', css.fg)
      .text(r.label);
    // The whole offset range so far, the part retention deleted, the records kept.
    g.append('rect')
      .attr('x', LEFT)
      .attr('y', yBar)
      .attr('width', Math.max(0, x(r.end) - LEFT))
      .attr('height', barH)
      .style('fill', css.muted)
      .style('fill-opacity', 0.18);
    const kept = g
      .append('rect')
      .attr('x', x(r.start))
      .attr('y', yBar)
      .attr('width', Math.max(0, x(r.end) - x(r.start)))
      .attr('height', barH)
      .style('fill', css.accent)
      .style('fill-opacity', 0.35);
    kept.append('title').text(`${r.label}: offsets ${fmtNumber(r.start)} to ${fmtNumber(r.end - 1)} kept`);
    // One tick per record while records are at least 4 px apart.
    const first = Math.max(r.start, Math.floor(lo));
    const px = (x(r.end) - x(first)) / Math.max(1, r.end - first);
    if (px >= 4 && r.end > first) {
      let d = '';
      for (let o = first + 1; o < r.end; o++) d += `M${x(o)},${yBar}v${barH}`;
      g.append('path').attr('d', d).style('stroke', css.panel).style('stroke-width', 1);
    }
    g.append('line')
      .attr('x1', x(r.end))
      .attr('x2', x(r.end))
      .attr('y1', yBar - 3)
      .attr('y2', yBar + barH + 3)
      .style('stroke', css.fg)
      .style('stroke-width', 2);
    r.cursors.forEach((c, k) => {
      if (c.position === undefined) return;
      const above = k % 2 === 0;
      const tier = Math.floor(k / 2);
      const yc = above ? yBar - 4 - tier * 7 : yBar + barH + 4 + tier * 7;
      const cx = x(Math.max(c.position, r.start));
      // The lag: from the cursor to the end of the log.
      g.append('line')
        .attr('x1', cx)
        .attr('x2', x(r.end))
        .attr('y1', yc)
        .attr('y2', yc)
        .style('stroke', colorOf(k))
        .style('stroke-width', 2)
        .style('stroke-opacity', 0.7);
      g.append('path')
        .attr('d', marker(k, cx, yc))
        .style('fill', colorOf(k))
        .append('title')
        .text(`${spec.cursors[k]?.label}: position ${fmtNumber(c.position)}, lag ${fmtNumber(c.lag ?? 0)}`);
      g.append('text')
        .attr('x', right + 6 + k * LAG_COL)
        .attr('y', mid + 4)
        .attr('font-size', 11)
        .style('fill', colorOf(k))
        .style('font-variant-numeric', 'tabular-nums')
        .text(fmtNumber(c.lag ?? 0));
    });
  }

  build();
  return { update, resize: build, destroy: () => svg.remove() };
}

/** A triangle pointing at the bar: down for cursors drawn above it (even), up for those below (odd). */
function marker(k: number, x: number, y: number): string {
  const s = 5;
  return k % 2 === 0
    ? `M${x - s},${y - s}L${x + s},${y - s}L${x},${y + 1}Z`
    : `M${x - s},${y + s}L${x + s},${y + s}L${x},${y - 1}Z`;
}

function describe(r: LogRowAt, spec: LogsSpec): string {
  const cursors = r.cursors
    .map((c, k) => (c.position === undefined ? '' : `${spec.cursors[k]?.label} lag ${fmtNumber(c.lag ?? 0)}`))
    .filter(Boolean)
    .join(', ');
  return `${r.label} offsets ${fmtNumber(r.start)}–${fmtNumber(r.end)}${cursors ? `, ${cursors}` : ''}`;
}
