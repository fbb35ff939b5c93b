import type { Selection } from 'd3';
import { fmtNumber } from './format';
import type { LogRowAt, MarkerAt } from './logs-model';
import { css } from './theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Tiers of marker names: with as many tiers as markers (three sessions), no two names overlap. */
const TIERS = 3;
/** Height of the band above the rows that holds the markers' names. */
export const MARKER_BAND = 16 + TIERS * 11;

/**
 * Markers across the logs view's rows (a session's last write): a dashed line at the
 * marker's position, drawn red over each row whose last cursor has not reached it (a read
 * there would not show that write) and green over the rows that have. The name sits
 * above, on the first tier where it clears its left neighbour. Each marker carries
 * `data-marker` and `data-behind` (the rows behind it) for tests and assistive tools.
 */
export function drawMarkers(
  g: G,
  markers: readonly MarkerAt[],
  rows: readonly LogRowAt[],
  o: { x: (offset: number) => number; top: number; rowH: number; lo: number },
): void {
  g.selectAll('*').remove();
  // Names left to right, each on the first tier where it clears the last name placed there.
  const tierEnd: number[] = Array.from({ length: TIERS }, () => -Infinity);
  const drawn = markers
    .filter((mk) => mk.position !== undefined && mk.position > 0 && mk.position >= o.lo)
    .sort((a, b) => (a.position as number) - (b.position as number));
  drawn.forEach((mk) => {
    const x = o.x(mk.position as number);
    const half = mk.label.length * 3 + 3;
    const free = tierEnd.findIndex((end) => end < x - half);
    const k = free >= 0 ? free : 0;
    tierEnd[k] = x + half;
    const m = g.append('g').attr('data-marker', mk.label).attr('data-behind', mk.behind.join(' '));
    m.append('title').text(
      `${mk.label}: last write at position ${fmtNumber((mk.position as number) - 1)}; ${
        mk.behind.length ? `not yet applied on ${mk.behind.join(', ')}` : 'applied everywhere'
      }`,
    );
    const yName = o.top - MARKER_BAND + 14 + k * 11;
    m.append('text')
      .attr('x', x)
      .attr('y', yName)
      .attr('text-anchor', 'middle')
      .attr('font-size', 10)
      .style('fill', mk.behind.length ? css.bad : css.fg)
      .style('paint-order', 'stroke')
      .style('stroke', css.panel)
      .style('stroke-width', 3)
      .text(mk.label);
    m.append('line')
      .attr('x1', x)
      .attr('x2', x)
      .attr('y1', yName + 2)
      .attr('y2', o.top)
      .style('stroke', css.muted)
      .style('stroke-width', 1);
    rows.forEach((r, i) => {
      const behind = mk.behind.includes(r.label);
      m.append('line')
        .attr('x1', x)
        .attr('x2', x)
        .attr('y1', o.top + i * o.rowH + 2)
        .attr('y2', o.top + (i + 1) * o.rowH - 2)
        .style('stroke', behind ? css.bad : css.ok)
        .style('stroke-width', behind ? 2.5 : 1.5)
        .style('stroke-dasharray', '4 2');
    });
  });
}

/** Height of a second legend line. */
export const LEGEND_LINE = 14;

/**
 * The legend's entries for markers, from x on the legend's line; an entry that would pass
 * `right` starts a second line just under it. Returns where the next entry may start and
 * whether the legend took a second line.
 */
export function markerLegend(legend: G, x: number, right: number): { x: number; wrapped: boolean } {
  const items = [
    { color: css.ok, text: 'last write, applied' },
    { color: css.bad, text: 'not applied: stale there' },
  ];
  let y = 34;
  for (const it of items) {
    const g = legend.append('g');
    g.append('line')
      .attr('x1', 0)
      .attr('x2', 0)
      .attr('y1', -5)
      .attr('y2', 6)
      .style('stroke', it.color)
      .style('stroke-width', 2.5)
      .style('stroke-dasharray', '4 2');
    const text = g.append('text').attr('x', 6).attr('y', 4).style('fill', css.fg).text(it.text);
    const w = 12 + (text.node()?.getComputedTextLength?.() || it.text.length * 6);
    if (x + w > right && y === 34) {
      x = 12;
      y += LEGEND_LINE;
    }
    g.attr('transform', `translate(${x},${y})`);
    x += w + 10;
  }
  return { x, wrapped: y !== 34 };
}
