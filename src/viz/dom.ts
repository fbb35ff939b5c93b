import { select, type Selection } from 'd3';
import { latestEvery } from './latest-every';
import { css } from './theme';

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

/** The container's drawable size (the app sizes it; we never size it ourselves). */
export function sizeOf(el: HTMLElement): { width: number; height: number } {
  return { width: Math.max(120, el.clientWidth || 0), height: Math.max(80, el.clientHeight || 0) };
}

let nextId = 0;
/** Ids unique per page, for <title>, clip paths and markers when several views are mounted. */
export function uid(prefix: string): string {
  return `viz-${prefix}-${++nextId}`;
}

/**
 * Appends a full-size SVG with an accessible name. `role` is "img" for charts and
 * "group" for views with focusable parts (a role of img would hide them from assistive tech).
 */
export function createSvg(el: HTMLElement, label: string, role: 'img' | 'group' = 'img'): Svg {
  if (getComputedStyle(el).position === 'static') el.style.position = 'relative';
  const titleId = uid('title');
  const svg = select(el)
    .append('svg')
    .attr('role', role)
    .attr('aria-labelledby', titleId)
    .attr('aria-label', label)
    .style('position', 'absolute')
    .style('inset', '0')
    .style('width', '100%')
    .style('height', '100%')
    .style('display', 'block')
    .style('font-family', css.font)
    .style('color', css.fg)
    .style('overflow', 'hidden');
  svg.append('title').attr('id', titleId).text(label);
  return svg;
}

/** A view's accessible name follows playback at most this often (ms): screen readers need no more. */
export const LABEL_EVERY_MS = 1000;
const labelWriters = new WeakMap<Element, (label: string) => void>();

/**
 * Updates the accessible name when it carries live numbers (count, current value): only
 * when it changes, and while it changes every frame about once a second (see latestEvery).
 */
export function setLabel(svg: Svg, label: string): void {
  const node = svg.node();
  if (!node) return;
  let set = labelWriters.get(node);
  if (!set) {
    set = latestEvery(
      LABEL_EVERY_MS,
      (l) => svg.attr('aria-label', l).select('title').text(l),
      node.getAttribute('aria-label') ?? '',
    );
    labelWriters.set(node, set);
  }
  set(label);
}

/** Arrowhead markers shared by a view; `url(#id)` references them. */
export function addArrowMarker(svg: Svg, id: string, color: string, size = 7): void {
  let defs = svg.select<SVGDefsElement>('defs');
  if (defs.empty()) defs = svg.append('defs');
  defs
    .append('marker')
    .attr('id', id)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', size)
    .attr('markerHeight', size)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z')
    .style('fill', color);
}

/** A chart's top line: its title on the left, a live figure on the right. */
export interface ChartHeader {
  /** Shows the figure right-aligned at `right`; the title gives way (shortened with "…") if both do not fit. */
  show(value: string, right: number): void;
  /** The figure's text element, for views that place their figure themselves (on its own line). */
  readonly value: Selection<SVGTextElement, unknown, null, undefined>;
}

/** About this many pixels a character at 12 px, wide enough for digits and spaces. */
const VALUE_CHAR_PX = 6.9;

export function chartHeader(svg: Svg, title: string, fg: string): ChartHeader {
  const titleText = svg
    .append('text')
    .attr('x', 12)
    .attr('y', 19)
    .attr('font-size', 13)
    .attr('font-weight', 600)
    .style('fill', fg)
    .text(title);
  titleText.append('title').text(title);
  const value = svg
    .append('text')
    .attr('y', 19)
    .attr('text-anchor', 'end')
    .attr('font-size', 12)
    .style('fill', fg);
  let charPx = 0;
  let shown = '';
  let shownTitle = title;
  return {
    value,
    show(text, right) {
      if (!charPx) {
        // Measured once, when first laid out (a hidden view measures 0 and tries again later).
        const w = (titleText.node() as SVGTextElement).getComputedTextLength?.() ?? 0;
        charPx = w > 0 ? w / title.length : 0;
      }
      const room = right - 12 - (text ? text.length * VALUE_CHAR_PX + 12 : 0);
      const fits = Math.max(4, Math.floor(room / (charPx || 7.6)));
      const next = title.length <= fits ? title : `${title.slice(0, Math.max(1, fits - 1)).trimEnd()}…`;
      if (next !== shownTitle) {
        shownTitle = next;
        titleText.text(next).append('title').text(title);
      }
      if (text !== shown) {
        shown = text;
        value.text(text);
      }
      value.attr('x', right);
    },
  };
}
