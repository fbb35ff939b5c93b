import type { Selection } from 'd3';
import type { Tone } from '../engine/trace';
import { css, stateColors, TONE_CSS } from './theme';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Width of a text element, measured when the browser can, estimated otherwise. */
function textWidth(node: SVGTextElement, fallbackChars: number): number {
  try {
    const w = node.getComputedTextLength();
    if (w > 0) return w;
  } catch {
    /* not laid out yet */
  }
  return fallbackChars * 6.2;
}

/**
 * Lines at the bottom: the colours of each kind's states, and the message marks. Returns the height used.
 * Colour alone is never the only cue (the state name is beside or on hover), so this is a key, not the data.
 */
export function drawLegend(
  g: G,
  statesByKind: Map<string, string[]>,
  hubKinds: Set<string>,
  width: number,
  height: number,
  hasConnections: boolean,
  hasFaults: boolean,
  /** What each message colour means in this lesson (only when the run has toned messages). */
  tones: readonly { tone: Tone; text: string }[] = [],
): number {
  g.selectAll('*').remove();
  g.attr('font-size', 11).style('fill', css.muted);
  const rows: { swatch: (s: G) => void; text: string; tone?: Tone }[][] = [];
  const colorOf = stateColors(statesByKind);
  const stateRow: { swatch: (s: G) => void; text: string }[] = [];
  for (const [kind, states] of statesByKind) {
    for (const state of states) {
      if (state === 'down') continue;
      const hub = hubKinds.has(kind);
      stateRow.push({
        text: `${kind} ${state}`,
        swatch: (s) => {
          if (hub)
            s.append('rect')
              .attr('x', -5)
              .attr('y', -5)
              .attr('width', 10)
              .attr('height', 10)
              .attr('rx', 2)
              .style('fill', colorOf(state));
          else s.append('circle').attr('r', 5).style('fill', colorOf(state));
        },
      });
    }
  }
  rows.push(stateRow);
  const marks: { swatch: (s: G) => void; text: string; tone?: Tone }[] = [
    { text: 'request', swatch: (s) => void s.append('circle').attr('r', 3.5).style('fill', css.accent) },
    { text: 'reply', swatch: (s) => void s.append('circle').attr('r', 3.5).style('fill', css.reply) },
    ...tones.map(({ tone, text }) => ({
      text,
      tone,
      swatch: (s: G) => void s.append('circle').attr('r', 3.5).style('fill', TONE_CSS[tone]),
    })),
    {
      text: 'dropped',
      swatch: (s) =>
        void s
          .append('path')
          .attr('d', 'M-4,-4L4,4M4,-4L-4,4')
          .style('stroke', css.bad)
          .style('stroke-width', 2),
    },
  ];
  if (hasConnections)
    marks.push({
      text: 'open connection',
      swatch: (s) =>
        void s
          .append('line')
          .attr('x1', -5)
          .attr('x2', 5)
          .style('stroke', css.ok)
          .style('stroke-width', 4)
          .style('stroke-linecap', 'round'),
    });
  if (hasFaults)
    marks.push({
      text: 'partitioned',
      swatch: (s) =>
        void s
          .append('line')
          .attr('x1', -5)
          .attr('x2', 5)
          .style('stroke', css.bad)
          .style('stroke-width', 2)
          .style('stroke-dasharray', '3 2'),
    });
  marks.push({
    text: 'down',
    swatch: (s) => void s.append('circle').attr('r', 5).style('fill', css.bad).style('opacity', 0.6),
  });
  rows.push(marks);
  // Flow left to right, wrapping when the panel is narrow; each group (states, marks) starts a new line.
  let line = 0;
  for (const row of rows) {
    let x = 12;
    for (const item of row) {
      const entry = g.append('g');
      if (item.tone) entry.attr('data-tone', item.tone);
      item.swatch(entry.append('g').attr('transform', 'translate(5,-4)'));
      const text = entry.append('text').attr('x', 14).text(item.text);
      const w = 14 + textWidth(text.node() as SVGTextElement, item.text.length) + 14;
      if (x > 12 && x + w > width - 8) {
        x = 12;
        line++;
      }
      entry.attr('transform', `translate(${x},${line * 18})`);
      x += w;
    }
    line++;
  }
  g.attr('transform', `translate(0,${height - 10 - 18 * (line - 1)})`);
  return line * 18 + 8;
}
