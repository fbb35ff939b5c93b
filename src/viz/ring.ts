import { arc as d3arc } from 'd3';
import { chartHeader, createSvg, setLabel, sizeOf } from './dom';
import { fmtNumber, fmtTime } from './format';
import { bandText, hotText, RingBand } from './ring-points';
import { labelledSeries, maxUpTo, valueAt, type Series } from './labelled-series';
import { css } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';
import { snapshotAt } from '../engine/snapshots';

/** One colour per shard, far apart for neighbours (golden-angle hues). */
export const shardColor = (i: number) => `hsl(${(i * 137.5) % 360} 60% 52%)`;

export interface RingOptions {
  /** Labelled gauge: keys each shard holds (arc length). */
  keys: string;
  title: string;
  /** Labelled gauge: each shard's load (node size). */
  load?: string;
  /** Labelled gauge: keys still moving, net per shard: + arriving, − leaving (the chords). */
  moving?: string;
  /** Gauge: all keys still moving (a shard may give and take at once, so this can exceed the net flows). */
  movingTotal?: string;
  /** Gauge: the committed map version. */
  version?: string;
  /** Labelled gauge: the map version each router holds (older than `version` = stale). */
  routerVersions?: string;
  /**
   * Snapshot name (src/engine/snapshots.ts): the map's own arcs at their true positions,
   * drawn as the outer band (the shares become a thinner ring inside it), e.g. every
   * virtual node of a consistent-hash ring.
   */
  points?: string;
}

/** Arc spans [start, end) in radians for shares in order around the circle (zero shares get none). */
export function ringSpans(shares: readonly number[]): { start: number; end: number }[] {
  const total = shares.reduce((a, b) => a + Math.max(0, b), 0);
  let at = 0;
  return shares.map((s) => {
    const w = total > 0 ? (Math.max(0, s) / total) * 2 * Math.PI : 0;
    const span = { start: at, end: at + w };
    at += w;
    return span;
  });
}

/**
 * The key space as a ring: each shard's share of the keys as an arc (for key ranges the
 * arcs are the ranges themselves; for hashed routers a shard's points are spread around
 * the ring and drawn here as one arc of the same total length), the shard as a node on
 * its arc sized by load, chords from shards giving keys to shards receiving them while
 * keys move, and the map version each router holds, stale ones marked.
 */
export function mountRing(el: HTMLElement, index: TraceIndex, opts: RingOptions): ViewHandle {
  const shards = labelledSeries(index.gauges, opts.keys);
  const loads = opts.load ? labelledSeries(index.gauges, opts.load) : [];
  const moving = opts.moving ? labelledSeries(index.gauges, opts.moving) : [];
  const routers = opts.routerVersions ? labelledSeries(index.gauges, opts.routerVersions) : [];
  const version = opts.version ? index.gauges.get(opts.version) : undefined;
  const movingTotal = opts.movingTotal ? index.gauges.get(opts.movingTotal) : undefined;
  const pointSnaps = opts.points ? index.snapshots[opts.points] : undefined;
  const svg = createSvg(
    el,
    `${opts.title}: the key space as a ring${pointSnaps ? ": the outer band is the map's own arcs at their positions, the inner ring each shard's share" : ', one arc per shard'}.`,
  );
  // The live figure goes on its own line under the title: a narrow box has no room beside it.
  const valueText = chartHeader(svg, opts.title, css.fg)
    .value.attr('x', 12)
    .attr('y', 35)
    .attr('text-anchor', 'start')
    .attr('font-size', 11);
  const TOP = 44;
  const root = svg.append('g');
  const arcs = root.append('g');
  const band = pointSnaps ? new RingBand(root.append('g'), shardColor) : undefined;
  const chords = root.append('g');
  const nodes = root.append('g');
  const center = root.append('g').attr('text-anchor', 'middle');
  const path = d3arc<{ start: number; end: number }>()
    .startAngle((d) => d.start)
    .endAngle((d) => d.end);
  let t = 0;
  let r = 0;
  let lastLabel = '';

  const at = (s: { series: Series } | undefined) => (s ? valueAt(s.series, t) : 0);

  function build(): void {
    const { width, height } = sizeOf(el);
    r = Math.max(40, Math.min(width, height - TOP) / 2 - 22);
    root.attr('transform', `translate(${width / 2},${TOP + (height - TOP) / 2})`);
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    const held = shards.map((s) => at(s));
    const live = held.map((k, i) => ({ k, i })).filter((x) => x.k > 0);
    const spans = ringSpans(live.map((x) => x.k));
    const total = live.reduce((a, x) => a + x.k, 0);
    const loadMax = Math.max(1, maxUpTo(loads, t));
    // With the map's own arcs, they are the outer band and the shares a thinner ring inside.
    if (band) path.innerRadius(r - 25).outerRadius(r - 18);
    else path.innerRadius(r - 10).outerRadius(r);
    band?.draw(snapshotAt(pointSnaps, t), r - 11, r);
    const chordFrom = band ? 27 : 12;
    arcs
      .selectAll('path')
      .data(live.map((x, j) => ({ ...spans[j]!, i: x.i, k: x.k })))
      .join('path')
      .attr('d', (d) => path(d) ?? '')
      .attr('data-shard', (d) => shards[d.i]!.label)
      .style('fill', (d) => shardColor(d.i))
      .style('stroke', css.panel)
      .style('stroke-width', 1);
    // Nodes sit just outside their arc; chords leave from its inner edge.
    const mid = new Map<number, [number, number]>();
    const inner = new Map<number, [number, number]>();
    live.forEach((x, j) => {
      const a = (spans[j]!.start + spans[j]!.end) / 2;
      mid.set(x.i, [Math.sin(a) * (r + 11), -Math.cos(a) * (r + 11)]);
      inner.set(x.i, [Math.sin(a) * (r - chordFrom), -Math.cos(a) * (r - chordFrom)]);
    });
    // Keys moving: from every shard giving keys to every shard receiving them.
    const flows = moving.map((s) => at(s));
    const givers = flows.map((v, i) => ({ v, i })).filter((x) => x.v < 0);
    const takers = flows.map((v, i) => ({ v, i })).filter((x) => x.v > 0);
    const net = takers.reduce((a, x) => a + x.v, 0);
    const moved = movingTotal ? valueAt(movingTotal, t) : net;
    const lines: { a: [number, number]; b: [number, number]; w: number }[] = [];
    for (const g of givers)
      for (const k of takers) {
        const a = inner.get(g.i) ?? [0, 0];
        const b = inner.get(k.i) ?? nodeOutside(k.i, shards.length);
        lines.push({ a, b, w: 1 + 5 * ((-g.v / Math.max(1, net)) * (k.v / Math.max(1, net))) ** 0.5 });
      }
    chords
      .selectAll('path')
      .data(lines)
      .join('path')
      .attr('d', (d) => `M${d.a[0]},${d.a[1]} Q0,0 ${d.b[0]},${d.b[1]}`)
      .style('fill', 'none')
      .style('stroke', css.warn)
      .style('stroke-opacity', 0.7)
      .style('stroke-width', (d) => d.w);
    const shown = shards.length <= 24 ? shards.map((_, i) => i) : live.map((x) => x.i);
    nodes
      .selectAll('g')
      .data(shown.filter((i) => mid.has(i) || takers.some((x) => x.i === i)))
      .join((e) => {
        const g = e.append('g');
        g.append('circle');
        g.append('text').attr('text-anchor', 'middle').attr('font-size', 9).attr('dy', 3);
        return g;
      })
      .attr('data-shard', (i) => shards[i]!.label)
      .attr('transform', (i) => {
        const p = mid.get(i) ?? nodeOutside(i, shards.length);
        return `translate(${p[0]},${p[1]})`;
      })
      .each(function (i) {
        const g = this as SVGGElement;
        const load = at(loads[i]);
        const c = g.querySelector('circle')!;
        c.setAttribute('r', String(2 + 7 * Math.sqrt(load / loadMax)));
        c.style.fill = shardColor(i);
        c.style.stroke = css.panel;
        const text = g.querySelector('text')!;
        text.textContent = shards.length <= 24 ? shards[i]!.label : '';
        text.style.fill = css.fg;
      });
    const v = version ? valueAt(version, t) : 0;
    const lines2: { text: string; stale: boolean }[][] = [];
    lines2.push([{ text: `${fmtNumber(total)} keys, ${live.length} shards`, stale: false }]);
    if (moved > 0) lines2.push([{ text: `${fmtNumber(moved)} keys moving`, stale: false }]);
    // The band's figures go in the header line (the centre has no room for them).
    const drawn = band ? bandText(band.summary) : undefined;
    if (version) lines2.push([{ text: `map v${v}`, stale: false }]);
    if (routers.length)
      lines2.push(
        routers.map((s, j) => {
          const rv = at(s);
          const stale = version !== undefined && rv > 0 && rv < v;
          return { text: `${j ? ' · ' : ''}${s.label} v${rv}${stale ? ' stale' : ''}`, stale };
        }),
      );
    // The figures fit inside the inner ring: a small ring draws them smaller (not under 7 px).
    const widest = Math.max(...lines2.map((l) => l.reduce((w, d) => w + d.text.length, 0))) * 6.3;
    const room = 2 * Math.max(10, r - chordFrom - 6);
    const size = Math.max(7, Math.min(10, (10 * room) / Math.max(1, widest)));
    center
      .selectAll('text')
      .data(lines2)
      .join('text')
      .attr('y', (_, i) => (i - (lines2.length - 1) / 2) * size * 1.3 + size * 0.4)
      .attr('font-size', size)
      // A halo in the panel colour keeps the figures legible over the chords.
      .style('paint-order', 'stroke')
      .style('stroke', css.panel)
      .style('stroke-width', 3)
      .style('fill', css.fg)
      .selectAll('tspan')
      .data((d) => d)
      .join('tspan')
      .attr('font-weight', (d) => (d.stale ? 700 : 400))
      .attr('data-stale', (d) => String(d.stale))
      .style('fill', (d) => (d.stale ? css.bad : css.fg))
      .text((d) => d.text);
    const staleCount = lines2.flat().filter((d) => d.stale).length;
    const label = `${live.length} shards${drawn ? `, ${drawn}` : ''}${moved > 0 ? `, ${fmtNumber(moved)} keys moving` : ''}${version ? `, map v${v}` : ''}${staleCount ? `, ${staleCount} stale router${staleCount > 1 ? 's' : ''}` : ''} at ${fmtTime(t)}`;
    if (label !== lastLabel) {
      lastLabel = label;
      valueText.text(label);
      const hot = band ? hotText(band.summary) : undefined;
      setLabel(svg, `${opts.title}: ${label}${hot ? `; ${hot}` : ''}.`);
    }
  }

  /** A shard with no keys yet (joining) waits just outside the ring. */
  function nodeOutside(i: number, n: number): [number, number] {
    const a = (i / Math.max(1, n)) * 2 * Math.PI;
    return [Math.sin(a) * (r + 11), -Math.cos(a) * (r + 11)];
  }

  build();
  return { update, resize: build, destroy: () => svg.remove() };
}
