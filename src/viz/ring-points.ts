import { arc as d3arc, type Selection } from 'd3';
import type { Snapshot } from '../engine/snapshots';
import { css } from './theme';

/** What the band drew: arcs shown, arcs the map has (more when sampled), arcs that changed owner. */
export interface RingBandSummary {
  drawn: number;
  total: number;
  changed: number;
  /** What an arc is (the kit's ARC_POINT, ARC_CHUNK, ARC_RANGE; 0 = unnamed). */
  layout: number;
  /** Hot keys marked, and the largest share of requests among them (0..1). */
  hot: number;
  hottest: number;
}

/** Names of an arc by layout code (src/kit/keyspace/ring-view.ts). */
const NOUNS = ['arcs', 'ring points', 'chunks', 'ranges'];

/**
 * The ring's own layout from a snapshot (arrays `ends`, `owners`, optional `changed` and
 * `total`; see src/kit/keyspace/ring-view.ts): a thin band of arcs at their true positions,
 * one colour per shard, so a shard's virtual nodes show as its colour recurring around the
 * circle; and, just inside it, a mark on every arc that changed owner with the last map
 * change. One path per shard and one for the marks, redrawn only when the snapshot or the
 * radius changes.
 */
export class RingBand {
  private readonly band: Selection<SVGGElement, unknown, null, undefined>;
  private readonly marks: Selection<SVGPathElement, unknown, null, undefined>;
  private readonly hot: Selection<SVGGElement, unknown, null, undefined>;
  private shown: Snapshot | undefined;
  private radius = 0;
  summary: RingBandSummary = { drawn: 0, total: 0, changed: 0, layout: 0, hot: 0, hottest: 0 };

  constructor(
    parent: Selection<SVGGElement, unknown, null, undefined>,
    private readonly color: (shard: number) => string,
  ) {
    this.band = parent.append('g').attr('data-role', 'ring-points');
    this.marks = parent.append('path').attr('data-role', 'ring-changed').style('fill', css.warn);
    this.hot = parent.append('g').attr('data-role', 'ring-hot');
  }

  /** Draws `snap` between radii inner and outer (nothing when it is undefined). */
  draw(snap: Snapshot | undefined, inner: number, outer: number): void {
    if (snap === this.shown && outer === this.radius) return;
    this.shown = snap;
    this.radius = outer;
    const ends = snap?.arrays.ends;
    const owners = snap?.arrays.owners;
    const changed = snap?.arrays.changed;
    const n = ends && owners ? Math.min(ends.length, owners.length) : 0;
    const tau = 2 * Math.PI;
    const path = d3arc<{ startAngle: number; endAngle: number }>().innerRadius(inner).outerRadius(outer);
    const mark = d3arc<{ startAngle: number; endAngle: number }>()
      .innerRadius(inner - 5)
      .outerRadius(inner - 1);
    const byShard = new Map<number, string[]>();
    const marked: string[] = [];
    for (let i = 0; i < n; i++) {
      const end = ends![i]! * tau;
      const start = (i === 0 ? ends![n - 1]! - 1 : ends![i - 1]!) * tau;
      const d = { startAngle: start, endAngle: end };
      const o = owners![i]!;
      let parts = byShard.get(o);
      if (!parts) byShard.set(o, (parts = []));
      parts.push(path(d) ?? '');
      // A mark is at least 2 px wide, so a single moved point on a crowded ring still shows.
      const min = 2 / Math.max(1, inner);
      if (changed?.[i])
        marked.push(mark(end - start >= min ? d : { startAngle: end - min, endAngle: end }) ?? '');
    }
    this.band
      .attr('data-points', String(n))
      .selectAll('path')
      .data([...byShard.entries()].sort((a, b) => a[0] - b[0]))
      .join('path')
      .attr('data-shard', ([o]) => `s${o}`)
      .attr('d', ([, parts]) => parts.join(''))
      .style('fill', ([o]) => this.color(o));
    this.marks.attr('d', marked.join('')).attr('data-changed', String(marked.length));
    // Hot keys (`hotAt` positions, `hotShare` of requests): a tick outside the band, longer the hotter.
    const hotAt = snap?.arrays.hotAt;
    const hotShare = snap?.arrays.hotShare;
    const hot = hotAt ? [...hotAt].map((x, i) => ({ x, share: hotShare?.[i] ?? 0 })) : [];
    const hottest = hot.reduce((m, h) => Math.max(m, h.share), 0);
    this.hot
      .attr('data-hot', String(hot.length))
      .selectAll('line')
      .data(hot)
      .join('line')
      .attr('x1', (h) => Math.sin(h.x * tau) * (outer + 1))
      .attr('y1', (h) => -Math.cos(h.x * tau) * (outer + 1))
      .attr('x2', (h) => Math.sin(h.x * tau) * (outer + 2 + 7 * Math.sqrt(h.share / (hottest || 1))))
      .attr('y2', (h) => -Math.cos(h.x * tau) * (outer + 2 + 7 * Math.sqrt(h.share / (hottest || 1))))
      .style('stroke', css.bad)
      .style('stroke-width', 2);
    const total = snap?.arrays.total?.[0] ?? n;
    this.summary = {
      drawn: n,
      total,
      changed: marked.length,
      layout: snap?.arrays.layout?.[0] ?? 0,
      hot: hot.length,
      hottest,
    };
  }
}

/** The band's line for the ring's centre: how many points it shows, sampled or not, and how many moved. */
export function bandText(s: RingBandSummary): string | undefined {
  if (s.drawn === 0) return undefined;
  const f = (x: number) => x.toLocaleString('en-US');
  const noun = NOUNS[s.layout] ?? 'arcs';
  const pts =
    s.drawn < s.total
      ? `${f(s.drawn)} of ${f(s.total)} ${noun} (1 in ${Math.ceil(s.total / s.drawn)})`
      : `${f(s.drawn)} ${noun}`;
  return s.changed > 0 ? `${pts}, ${f(s.changed)} changed owner` : pts;
}

/** The hot-key marks, for the figure's description (the header line has no room). */
export function hotText(s: RingBandSummary): string | undefined {
  if (s.hot === 0) return undefined;
  return `red ticks mark the ${s.hot} hottest keys, the hottest taking ${(s.hottest * 100).toFixed(1)}% of reads`;
}
