import { boxesOverlap, type Box } from './label-collide';
import { Fate } from './messages';
import type { Palette } from './theme';
import type { NodeLayout } from './topology-layout';
import type { TraceIndex } from './trace-index';

/**
 * Messages in flight drawn on a canvas over the SVG: one path per colour per frame,
 * so a thousand dots cost about as much as one.
 */
export interface MessageLayer {
  canvas: HTMLCanvasElement;
  resize(width: number, height: number): void;
  draw(
    t: number,
    nodes: Map<number, NodeLayout>,
    palette: Palette,
    /** `avoid`: boxes message labels must not cover (node labels, nodes, legend). */
    opts: { labels: boolean; isEdge: (id: number) => boolean; avoid?: readonly Box[] },
  ): void;
}

export function createMessageLayer(index: TraceIndex): MessageLayer {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  // Its own compositor layer: redrawing it every frame does not repaint the SVG under it.
  Object.assign(canvas.style, {
    position: 'absolute',
    left: '0',
    top: '0',
    pointerEvents: 'none',
    willChange: 'transform',
  });
  const ctx = canvas.getContext('2d');
  const m = index.messages;
  // How long a dropped message's x stays visible; tied to flight time so it reads at any latency.
  const fadeMs = Math.max(400, 8 * m.medianFlight);
  let dpr = 1;
  const request: number[] = [];
  const reply: number[] = [];
  const labelled: number[] = [];
  /** Messages the lesson judged (see Tone), drawn in their tone's colour over the others. */
  const toned = { ok: [] as number[], warn: [] as number[], bad: [] as number[] };

  /** Fraction of the way from sender to receiver at t. Lost messages travel at the usual speed until they die. */
  const progress = (i: number, t: number): number => {
    const s = m.tSend[i] as number;
    const e = m.tEnd[i] as number;
    if (m.fate[i] === Fate.Delivered) return e > s ? (t - s) / (e - s) : 1;
    return Math.min(1, (Math.min(t, e) - s) / Math.max(1e-9, m.medianFlight));
  };

  return {
    canvas,
    resize(width, height) {
      dpr = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      // Pixel size, not 100%: if the container grows before resize() arrives, dots keep their positions instead of stretching.
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    },
    draw(t, nodes, palette, opts) {
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      request.length = 0;
      reply.length = 0;
      labelled.length = 0;
      toned.ok.length = toned.warn.length = toned.bad.length = 0;
      let total = 0;
      index.forEachInFlight(t, (i) => {
        total++;
        const tone = index.hasTones ? index.toneOf(i) : undefined;
        if (tone) toned[tone].push(i);
        else (opts.isEdge(m.from[i] as number) ? request : reply).push(i);
      });
      const radius = total > 300 ? 2.2 : 3.6;
      const point = (i: number, p: number): [number, number] | undefined => {
        const a = nodes.get(m.from[i] as number);
        const b = nodes.get(m.to[i] as number);
        if (!a || !b) return undefined;
        const q = Math.max(0, Math.min(1, p));
        return [a.x + (b.x - a.x) * q, a.y + (b.y - a.y) * q];
      };
      for (const [list, color] of [
        [request, palette.accent],
        [reply, palette.reply],
        [toned.ok, palette.ok],
        [toned.warn, palette.warn],
        [toned.bad, palette.bad],
      ] as const) {
        ctx.beginPath();
        for (const i of list) {
          const xy = point(i, progress(i, t));
          if (!xy) continue;
          ctx.moveTo(xy[0] + radius, xy[1]);
          ctx.arc(xy[0], xy[1], radius, 0, 2 * Math.PI);
        }
        ctx.fillStyle = color;
        ctx.fill();
      }
      if (opts.labels && total <= 12) {
        ctx.font = '10px system-ui, sans-serif';
        ctx.textBaseline = 'middle';
        ctx.lineWidth = 3;
        ctx.strokeStyle = palette.panel;
        ctx.fillStyle = palette.fg;
        // A message label that would cover a node, a node's label or another message label is left out.
        const placed: Box[] = [...(opts.avoid ?? [])];
        for (const i of [...toned.bad, ...toned.warn, ...toned.ok, ...request, ...reply]) {
          const xy = point(i, progress(i, t));
          if (!xy) continue;
          const text = index.labelOf(i);
          const x = xy[0] + radius + 3;
          const y = xy[1] - 7;
          const box = { x0: x - 1, y0: y - 7, x1: x + ctx.measureText(text).width + 1, y1: y + 7 };
          if (placed.some((b) => boxesOverlap(b, box))) continue;
          placed.push(box);
          ctx.strokeText(text, x, y);
          ctx.fillText(text, x, y);
        }
      }
      // Drops: a red x where the message died, fading out.
      ctx.strokeStyle = palette.bad;
      ctx.lineWidth = 2;
      index.forEachDrop(t - fadeMs, t, (i) => {
        const xy = point(i, progress(i, m.tEnd[i] as number));
        if (!xy) return;
        ctx.globalAlpha = Math.max(0.15, 1 - (t - (m.tEnd[i] as number)) / fadeMs);
        const s = 5;
        ctx.beginPath();
        ctx.moveTo(xy[0] - s, xy[1] - s);
        ctx.lineTo(xy[0] + s, xy[1] + s);
        ctx.moveTo(xy[0] + s, xy[1] - s);
        ctx.lineTo(xy[0] - s, xy[1] + s);
        ctx.stroke();
      });
      ctx.globalAlpha = 1;
    },
  };
}
