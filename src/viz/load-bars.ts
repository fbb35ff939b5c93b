import { axisLeft, scaleBand, scaleLinear } from 'd3';
import { chartHeader, createSvg, setLabel, sizeOf } from './dom';
import { fmtTime, fmtValue } from './format';
import { labelledSeries, maxUpTo, valueAt } from './labelled-series';
import { niceMax } from './timeseries';
import { css } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

const M = { top: 44, right: 12, bottom: 22, left: 40 };

/**
 * One bar per label of a labelled gauge (per-shard load), at the playback time, so the
 * bars scrub with the run. The busiest bar is drawn in the warning colour; a bar whose
 * actor (the i-th of `actorKind`) is down is drawn hatched in red with a ×. Percent
 * units keep a 0–100 axis; others grow with the largest value seen so far.
 */
export function mountLoadBars(
  el: HTMLElement,
  index: TraceIndex,
  opts: { gauge: string; title: string; unit: string; actorKind?: string },
): ViewHandle {
  const actors = opts.actorKind ? index.actors.filter((a) => a.kind === opts.actorKind) : [];
  const all = labelledSeries(index.gauges, opts.gauge, actors.length || Infinity);
  const percent = opts.unit.includes('%');
  const svg = createSvg(el, `${opts.title}: one bar per ${opts.actorKind ?? 'series'}, in ${opts.unit}.`);
  // The live figure goes on its own line under the title: a narrow box has no room beside it.
  const valueText = chartHeader(svg, opts.title, css.fg)
    .value.attr('x', 12)
    .attr('y', 35)
    .attr('text-anchor', 'start')
    .attr('font-size', 11);
  const gy = svg.append('g').style('color', css.muted);
  const bars = svg.append('g');
  const labels = svg.append('g');
  const empty = svg
    .append('text')
    .attr('text-anchor', 'middle')
    .attr('font-size', 12)
    .style('fill', css.muted)
    .text(all.length ? '' : `No "${opts.gauge}" data in this run`);
  const x = scaleBand<number>().padding(0.15);
  const y = scaleLinear();
  let t = 0;
  let width = 0;
  let height = 0;
  let lastLabel = '';

  function build(): void {
    ({ width, height } = sizeOf(el));
    x.domain(all.map((_, i) => i)).range([M.left, width - M.right]);
    y.range([height - M.bottom, M.top + 6]);
    empty.attr('x', width / 2).attr('y', height / 2);
    bars.selectAll('*').remove();
    labels.selectAll('*').remove();
    // Label every k-th bar so names never overlap (64 shards at 390 px: every 8th).
    const every = Math.max(1, Math.ceil(28 / Math.max(1, x.bandwidth())));
    all.forEach((s, i) => {
      const g = bars.append('g').attr('data-label', s.label);
      g.append('rect').attr('class', 'bar');
      g.append('text')
        .attr('class', 'down')
        .attr('text-anchor', 'middle')
        .attr('font-size', 11)
        .style('fill', css.bad)
        .text('×');
      if (i % every === 0)
        labels
          .append('text')
          .attr('x', (x(i) ?? 0) + x.bandwidth() / 2)
          .attr('y', height - M.bottom + 14)
          .attr('text-anchor', 'middle')
          .attr('font-size', 10)
          .style('fill', css.muted)
          .text(s.label);
    });
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const top = percent ? 100 : niceMax(maxUpTo(all, t));
    y.domain([0, top]);
    gy.attr('transform', `translate(${M.left},0)`).call(
      axisLeft(y).ticks(Math.max(2, Math.floor((height - M.top - M.bottom) / 36))),
    );
    const values = all.map((s) => valueAt(s.series, t));
    let busiest = -1;
    values.forEach((v, i) => {
      if (busiest < 0 || v > values[busiest]!) busiest = i;
    });
    let downCount = 0;
    bars.selectAll<SVGGElement, unknown>('g').each((_, i, groups) => {
      const v = values[i] ?? 0;
      const actor = actors[i];
      const down = actor !== undefined && index.stateAt(actor.id, t) === 'down';
      if (down) downCount++;
      const g = groups[i]!;
      const rect = g.querySelector('rect')!;
      const bx = x(i) ?? 0;
      const yTop = y(Math.min(v, top));
      rect.setAttribute('x', String(bx));
      rect.setAttribute('width', String(x.bandwidth()));
      rect.setAttribute('y', String(yTop));
      rect.setAttribute('height', String(Math.max(0, y(0) - yTop)));
      rect.style.fill = down ? css.bad : i === busiest && v > 0 ? css.warn : css.accent;
      rect.style.fillOpacity = down ? '0.35' : '0.85';
      g.setAttribute('data-down', String(down));
      const cross = g.querySelector('text')!;
      cross.setAttribute('x', String(bx + x.bandwidth() / 2));
      cross.setAttribute('y', String(y(0) - 3));
      cross.style.display = down ? '' : 'none';
    });
    const max = busiest >= 0 ? values[busiest]! : 0;
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    const label = all.length
      ? `busiest ${all[busiest]?.label ?? ''} ${fmtValue(max, opts.unit)}, mean ${fmtValue(Math.round(mean * 10) / 10, opts.unit)}${downCount ? `, ${downCount} down` : ''} at ${fmtTime(t)}`
      : '';
    if (label !== lastLabel) {
      lastLabel = label;
      valueText.text(label);
      setLabel(svg, `${opts.title}: ${label || 'no data'}.`);
    }
  }

  build();
  return { update, resize: build, destroy: () => svg.remove() };
}
