import { estimateTextWidth, placeLabels, type Arrow, type Box } from './sequence-model';

/**
 * What the space-time diagram paints in a frame, as plain data: arrows, their labels and
 * the state bands on the lifelines. Building it needs no DOM, so it is tested on its own;
 * sequence-canvas.ts paints it.
 */

/**
 * A message's own look, decided by the lesson or view (for example stale reads in
 * another colour). Unset fields keep the default: request or reply colour, solid unless dropped.
 */
export interface MessageStyle {
  /** Any CSS colour, including `var(--name, fallback)`. */
  color?: string;
  dashed?: boolean;
  /** The label's colour (default: the text colour; red when dropped). */
  labelColor?: string;
}
export type MessageStyleOf = (row: number) => MessageStyle | undefined;

export interface ArrowDraw {
  row: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  dashed: boolean;
  /** An arrowhead at (x2, y2): the message arrived. */
  head: boolean;
  /** A dot at (x2, y2): still in flight. */
  dot: boolean;
  /** A red x at (x2, y2): lost on the way. */
  cross: boolean;
}

export interface LabelDraw {
  row: number;
  /** Centre of the text, and its baseline. */
  x: number;
  y: number;
  text: string;
  color: string;
}

export interface BandDraw {
  x: number;
  y0: number;
  y1: number;
  color: string;
  state: string;
}

export interface SequenceGeometry {
  xs: readonly number[];
  y: (t: number) => number;
  width: number;
  height: number;
  axis: number;
  header: number;
  /** Replies (from core actors) get the second colour, as in the topology view. */
  isReply: (fromColumn: number) => boolean;
}

export interface ArrowColors {
  accent: string;
  reply: string;
  fg: string;
  bad: string;
}

/**
 * Messages as slanted arrows from (sender, send time) to (receiver, delivery or now),
 * dashed with an x when dropped, a dot on the head while flying; labels above the
 * middle of the newest arrows that have room between their lifelines.
 */
export function arrowDrawList(
  arrows: readonly Arrow[],
  g: SequenceGeometry,
  colors: ArrowColors,
  styleOf?: MessageStyleOf,
): { arrows: ArrowDraw[]; labels: LabelDraw[] } {
  const out: ArrowDraw[] = arrows.map((a) => {
    const x1 = g.xs[a.from] as number;
    const x2 = x1 + ((g.xs[a.to] as number) - x1) * Math.min(1, a.reach);
    const own = styleOf?.(a.row);
    return {
      row: a.row,
      x1,
      y1: g.y(a.tSend),
      x2,
      y2: g.y(a.tHead),
      color: own?.color ?? (g.isReply(a.from) ? colors.reply : colors.accent),
      dashed: own?.dashed ?? a.status === 'dropped',
      head: a.status === 'delivered',
      dot: a.status === 'flying',
      cross: a.status === 'dropped',
    };
  });
  // Newest first get room; a label sits above its arrow's middle when it fits between the lifelines.
  const order = out.map((_, i) => i).sort((i, j) => arrows[j]!.tSend - arrows[i]!.tSend);
  const boxes: Box[] = order.map((i) => {
    const p = out[i]!;
    const w = estimateTextWidth(arrows[i]!.label);
    const cx = (p.x1 + p.x2) / 2;
    const cy = (p.y1 + p.y2) / 2;
    return Math.abs(p.x2 - p.x1) + 16 < w
      ? { x: -1e6, y: 0, w, h: 12 }
      : { x: cx - w / 2, y: cy - 15, w, h: 12 };
  });
  const ok = placeLabels(boxes, { x: g.axis, y: g.header, w: g.width - g.axis, h: g.height - g.header });
  const labels: LabelDraw[] = [];
  order.forEach((i, k) => {
    if (!ok[k]) return;
    const a = arrows[i]!;
    const box = boxes[k]!;
    const dropped = a.status === 'dropped';
    const own = styleOf?.(a.row);
    labels.push({
      row: a.row,
      x: box.x + box.w / 2,
      y: box.y + 10,
      text: dropped ? `${a.label} ✕` : a.label,
      color: dropped ? colors.bad : (own?.labelColor ?? colors.fg),
    });
  });
  return { arrows: out, labels };
}

/**
 * A narrow coloured band on each lifeline while its actor is in a state other than its
 * kind's first (resting) one, like activation bars: from the state change (or the
 * window's top) to the next change (or now).
 */
export function bandDrawList(
  lifelines: readonly { id: number; rest: string | undefined }[],
  xs: readonly number[],
  changes: (id: number) => readonly { t: number; state: string }[],
  o: { top: number; t: number; y: (t: number) => number; colorOf: (state: string) => string },
): BandDraw[] {
  const bands: BandDraw[] = [];
  lifelines.forEach((a, i) => {
    const list = changes(a.id);
    list.forEach((c, k) => {
      const end = k + 1 < list.length ? list[k + 1]!.t : o.t;
      if (end <= o.top || !c.state || c.state === a.rest) return;
      bands.push({
        x: xs[i] as number,
        y0: o.y(Math.max(c.t, o.top)),
        y1: o.y(end),
        color: o.colorOf(c.state),
        state: c.state,
      });
    });
  });
  return bands;
}

/** Half the drawn width of a state band. */
export const BAND_HALF = 3.5;

/** The band under a point, for its tooltip (the last drawn wins, as on screen). */
export function bandAt(bands: readonly BandDraw[], x: number, y: number): BandDraw | undefined {
  for (let i = bands.length - 1; i >= 0; i--) {
    const b = bands[i]!;
    if (Math.abs(x - b.x) <= BAND_HALF && y >= b.y0 - 0.5 && y <= Math.max(b.y1, b.y0 + 0.5)) return b;
  }
  return undefined;
}

/** The labelled messages in words, newest first and each once, for the diagram's description (every label on screen fits: placement keeps them few). */
export function labelSummary(labels: readonly LabelDraw[], max = 40): string {
  const seen = [...new Set(labels.map((l) => l.text))];
  if (!seen.length) return 'No labelled messages in this window.';
  const more = seen.length > max ? `, and ${seen.length - max} more` : '';
  return `Latest labelled messages: ${seen.slice(0, max).join(', ')}${more}.`;
}
