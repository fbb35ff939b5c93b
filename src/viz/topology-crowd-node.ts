import type { Selection } from 'd3';
import { CATEGORY_LABEL, stateCategory } from './state-category';
import { css, stateColors } from './theme';
import { plural, stateHistogram, type Crowd } from './topology-crowd';
import type { NodeLayout } from './topology-layout';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Card size of a crowd node (the count above, the histogram below). */
export const CROWD_W = 96;
export const CROWD_H = 46;
const BARS_H = 15;

/** Wide enough for the count and the ▸ beside it (about 7.6 px a character at 12 px bold). */
const crowdWidth = (name: string) => Math.max(CROWD_W, name.length * 7.6 + 30);

export interface CrowdEl {
  crowd: Crowd;
  g: G;
  bars: G;
  width: number;
  /** The card's own tooltip (the bars have theirs). */
  tip: Selection<SVGTitleElement, unknown, null, undefined>;
  /** Histogram last drawn, as "state:n|..." (repaint only on change). */
  drawn: string;
}

/**
 * One node for many similar actors: "200 clients" and a histogram of their states
 * (one bar per state, coloured by its category; the exact names and counts are in each
 * bar's tooltip and in the node's accessible name). Enter, Space or a click shows the members.
 */
export function drawCrowd(g: G, crowd: Crowd, at: NodeLayout, onToggle: (kind: string) => void): CrowdEl {
  const W = crowdWidth(crowd.name);
  const card = g
    .append('g')
    .attr('class', 'crowd')
    .attr('transform', `translate(${at.x},${at.y})`)
    .attr('tabindex', 0)
    .attr('role', 'button')
    .attr('aria-expanded', 'false')
    .style('cursor', 'pointer');
  card
    .append('rect')
    .attr('x', -W / 2)
    .attr('y', -CROWD_H / 2)
    .attr('width', W)
    .attr('height', CROWD_H)
    .attr('rx', 8)
    .style('fill', css.panel)
    .style('stroke', css.fg)
    .style('stroke-width', 1.5);
  // Stacked edges behind the card say "many" without colour.
  card
    .insert('rect', ':first-child')
    .attr('x', -W / 2 + 4)
    .attr('y', -CROWD_H / 2 - 4)
    .attr('width', W)
    .attr('height', CROWD_H)
    .attr('rx', 8)
    .style('fill', css.panel)
    .style('stroke', css.muted)
    .style('stroke-width', 1);
  const labels = card.append('g').style('pointer-events', 'none');
  labels
    .append('text')
    .attr('x', -W / 2 + 8)
    .attr('y', -CROWD_H / 2 + 15)
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .style('fill', css.fg)
    .text(`${crowd.name} `);
  labels
    .append('text')
    .attr('x', W / 2 - 6)
    .attr('y', -CROWD_H / 2 + 15)
    .attr('text-anchor', 'end')
    .attr('font-size', 10)
    .attr('aria-hidden', 'true')
    .style('fill', css.muted)
    .text('▸');
  const bars = card.append('g').attr('transform', `translate(${-W / 2 + 8},${CROWD_H / 2 - 6})`);
  card.on('click', (ev: MouseEvent) => {
    ev.stopPropagation();
    onToggle(crowd.kind);
  });
  card.on('keydown', (ev: KeyboardEvent) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      onToggle(crowd.kind);
    }
  });
  const tip = card.insert<SVGTitleElement>('title', ':first-child');
  return { crowd, g: card, bars, tip, width: W, drawn: '' };
}

/** Redraws the histogram when the members' states changed. */
export function paintCrowd(c: CrowdEl, stateAt: (id: number) => string, order: readonly string[]): void {
  const hist = stateHistogram(c.crowd.members, stateAt, order);
  const key = hist.map((h) => `${h.state}:${h.n}`).join('|');
  if (key === c.drawn) return;
  c.drawn = key;
  const colorOf = stateColors();
  const max = Math.max(1, ...hist.map((h) => h.n));
  const room = c.width - 16;
  const bw = Math.max(3, Math.min(16, room / Math.max(1, hist.length) - 2));
  c.bars.selectAll('*').remove();
  hist.forEach((h, i) => {
    const shown = h.state || 'not started';
    const hgt = Math.max(2, (BARS_H * h.n) / max);
    const bar = c.bars
      .append('rect')
      .attr('x', i * (bw + 2))
      .attr('y', -hgt)
      .attr('width', bw)
      .attr('height', hgt)
      .style('fill', h.state === '' ? css.muted : colorOf(h.state))
      .style('opacity', h.state === '' || h.state === 'down' ? 0.6 : 1);
    bar.append('title').text(`${h.n} ${shown} (${CATEGORY_LABEL[stateCategory(h.state)]})`);
  });
  const summary = hist.map((h) => `${h.n} ${h.state || 'not started'}`).join(', ');
  c.g.attr('aria-label', `${c.crowd.name}: ${summary}. Show each ${c.crowd.kind}`);
  c.tip.text(`${c.crowd.name}: ${summary}\nClick or press Enter to show each one.`);
}

/**
 * Where a crowd's messages start and end: the point of its card's edge facing the
 * nodes it talks to (their mean position), so dots never run over the count.
 */
export function crowdDoors(
  crowds: readonly Crowd[],
  nodes: ReadonlyMap<number, NodeLayout>,
  links: readonly { a: number; b: number }[],
): Map<number, NodeLayout> {
  const out = new Map<number, NodeLayout>();
  for (const c of crowds) {
    const at = nodes.get(c.id);
    if (!at) continue;
    const others = links
      .filter((l) => l.a === c.id || l.b === c.id)
      .map((l) => nodes.get(l.a === c.id ? l.b : l.a))
      .filter((n): n is NodeLayout => n !== undefined);
    if (!others.length) continue;
    const dx = others.reduce((s, n) => s + n.x, 0) / others.length - at.x;
    const dy = others.reduce((s, n) => s + n.y, 0) / others.length - at.y;
    const w = crowdWidth(c.name) / 2;
    const h = CROWD_H / 2;
    // Scale the direction until it meets the card's border.
    const k = Math.min(dx ? w / Math.abs(dx) : Infinity, dy ? h / Math.abs(dy) : Infinity);
    if (!Number.isFinite(k)) continue;
    out.set(c.id, { ...at, x: at.x + dx * k, y: at.y + dy * k });
  }
  return out;
}

/** Buttons that group an expanded kind back into its crowd, top right of the panel. */
export function drawRegroup(
  g: G,
  kinds: readonly { kind: string; n: number }[],
  width: number,
  onToggle: (kind: string) => void,
): void {
  g.selectAll('*').remove();
  kinds.forEach(({ kind, n }, i) => {
    // Short, to keep clear of the nodes; the accessible name says what it groups.
    const text = kinds.length > 1 ? `▾ group ${plural(kind, n)}` : '▾ group';
    const w = text.length * 6.4 + 14;
    const b = g
      .append('g')
      .attr('class', 'regroup')
      .attr('transform', `translate(${width - w - 8},${8 + i * 24})`)
      .attr('tabindex', 0)
      .attr('role', 'button')
      .attr('aria-expanded', 'true')
      .attr('aria-label', `group ${n} ${plural(kind, n)}`)
      .style('cursor', 'pointer');
    b.append('rect')
      .attr('width', w)
      .attr('height', 20)
      .attr('rx', 4)
      .style('fill', css.panel)
      .style('stroke', css.muted);
    b.append('text').attr('x', 7).attr('y', 14).attr('font-size', 11).style('fill', css.fg).text(text);
    b.on('click', (ev: MouseEvent) => {
      ev.stopPropagation();
      onToggle(kind);
    });
    b.on('keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        onToggle(kind);
      }
    });
  });
}
