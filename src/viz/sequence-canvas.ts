import type { ArrowDraw, BandDraw, LabelDraw } from './sequence-draw';
import { BAND_HALF } from './sequence-draw';

/**
 * The space-time diagram's moving parts on one canvas under its SVG (which keeps the
 * headers and time axis): lifelines, state bands, message arrows, their labels and the
 * "now" line. Redrawing a canvas costs the same whether it holds ten arrows or a
 * thousand, where SVG re-lays and repaints every element that moved.
 */
export interface SequenceFrame {
  lanes: readonly number[];
  bands: readonly BandDraw[];
  arrows: readonly ArrowDraw[];
  labels: readonly LabelDraw[];
  /** Where arrows, bands and labels may be drawn (below the header, right of the axis). */
  body: { x: number; y: number; w: number; h: number };
  now: { y: number; x1: number; x2: number; text: string };
}

export interface SequenceColors {
  fg: string;
  muted: string;
  bad: string;
  panel: string;
  /** Any colour a draw item names (may be `var(...)`), made concrete. */
  resolve: (color: string) => string;
  font: string;
}

export interface SequenceLayer {
  canvas: HTMLCanvasElement;
  resize(width: number, height: number): void;
  paint(f: SequenceFrame, c: SequenceColors): void;
}

/** Arrowhead size and line width match the SVG markers the diagram used (7 px marker at 1.4 px stroke). */
const LINE_W = 1.4;
const HEAD = 0.7 * LINE_W * 10;

/** Items sharing a key, in first-seen order (one path per colour instead of one per item). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

export function createSequenceLayer(): SequenceLayer {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.className = 'sequence-canvas';
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  const ctx = canvas.getContext('2d');
  let dpr = 1;
  let w = 0;
  let h = 0;
  // A haloed label costs a stroked outline of every glyph: each distinct text is drawn once
  // into a small bitmap and copied after that (a diagram shows a handful of distinct texts).
  const sprites = new Map<string, { img: HTMLCanvasElement; w: number }>();
  const PAD = 3;
  const SPRITE_H = 16;

  function sprite(text: string, color: string, c: SequenceColors) {
    const key = `${text}\u0000${color}\u0000${c.panel}\u0000${c.font}`;
    let s = sprites.get(key);
    if (s) return s;
    if (sprites.size > 256) sprites.clear();
    const img = document.createElement('canvas');
    const g = img.getContext('2d');
    const font = `10px ${c.font}`;
    let tw = text.length * 6;
    if (g) {
      g.font = font;
      tw = Math.ceil(g.measureText(text).width);
    }
    img.width = Math.ceil((tw + 2 * PAD) * dpr);
    img.height = Math.ceil(SPRITE_H * dpr);
    if (g) {
      g.scale(dpr, dpr);
      g.font = font;
      g.textAlign = 'left';
      g.textBaseline = 'alphabetic';
      g.lineJoin = 'round';
      g.lineWidth = 3;
      g.strokeStyle = c.panel;
      g.strokeText(text, PAD, 12);
      g.fillStyle = color;
      g.fillText(text, PAD, 12);
    }
    s = { img, w: tw + 2 * PAD };
    sprites.set(key, s);
    return s;
  }

  /** Snaps to the device pixel grid so copied labels stay as sharp as drawn text. */
  const snap = (v: number) => Math.round(v * dpr) / dpr;

  return {
    canvas,
    resize(width, height) {
      const next = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
      if (next !== dpr) sprites.clear();
      dpr = next;
      w = width;
      h = height;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    },
    paint(f, c) {
      if (!ctx) return;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.save();
      ctx.beginPath();
      ctx.rect(f.body.x, f.body.y, f.body.w, f.body.h);
      ctx.clip();
      // Lifelines.
      ctx.globalAlpha = 0.5;
      ctx.strokeStyle = c.muted;
      ctx.lineWidth = 1;
      ctx.setLineDash([2, 3]);
      ctx.beginPath();
      for (const x of f.lanes) {
        ctx.moveTo(x, f.body.y);
        ctx.lineTo(x, h);
      }
      ctx.stroke();
      // State bands, one path per colour.
      ctx.globalAlpha = 0.55;
      for (const [color, bands] of groupBy(f.bands, (b) => b.color)) {
        ctx.fillStyle = c.resolve(color);
        ctx.beginPath();
        for (const b of bands) ctx.rect(b.x - BAND_HALF, b.y0, 2 * BAND_HALF, Math.max(0.5, b.y1 - b.y0));
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      // Arrows: lines per colour and dash, then heads and in-flight dots per colour.
      ctx.lineWidth = LINE_W;
      for (const [key, arrows] of groupBy(f.arrows, (a) => `${a.dashed ? 1 : 0}${a.color}`)) {
        ctx.strokeStyle = c.resolve(key.slice(1));
        ctx.setLineDash(key[0] === '1' ? [4, 3] : []);
        ctx.beginPath();
        for (const a of arrows) {
          ctx.moveTo(a.x1, a.y1);
          if (!a.head) ctx.lineTo(a.x2, a.y2);
          else {
            // Stop the line inside the head so a dash does not show past it.
            const [ux, uy] = unit(a);
            ctx.lineTo(a.x2 - ux * 0.8 * HEAD, a.y2 - uy * 0.8 * HEAD);
          }
        }
        ctx.stroke();
      }
      ctx.setLineDash([]);
      for (const [color, arrows] of groupBy(
        f.arrows.filter((a) => a.head || a.dot),
        (a) => a.color,
      )) {
        ctx.fillStyle = c.resolve(color);
        ctx.beginPath();
        for (const a of arrows) {
          if (a.dot) {
            ctx.moveTo(a.x2 + 3, a.y2);
            ctx.arc(a.x2, a.y2, 3, 0, 2 * Math.PI);
            continue;
          }
          // The SVG marker's shape: tip a tenth of its length past the end, as wide as it is long.
          const [ux, uy] = unit(a);
          const tipX = a.x2 + ux * 0.1 * HEAD;
          const tipY = a.y2 + uy * 0.1 * HEAD;
          ctx.moveTo(tipX, tipY);
          ctx.lineTo(tipX - ux * HEAD - uy * HEAD * 0.5, tipY - uy * HEAD + ux * HEAD * 0.5);
          ctx.lineTo(tipX - ux * HEAD + uy * HEAD * 0.5, tipY - uy * HEAD - ux * HEAD * 0.5);
          ctx.closePath();
        }
        ctx.fill();
      }
      ctx.strokeStyle = c.bad;
      ctx.lineWidth = 2;
      ctx.beginPath();
      for (const a of f.arrows) {
        if (!a.cross) continue;
        ctx.moveTo(a.x2 - 5, a.y2 - 5);
        ctx.lineTo(a.x2 + 5, a.y2 + 5);
        ctx.moveTo(a.x2 + 5, a.y2 - 5);
        ctx.lineTo(a.x2 - 5, a.y2 + 5);
      }
      ctx.stroke();
      // Labels, haloed in the panel colour so they read over arrows.
      for (const l of f.labels) {
        const s = sprite(l.text, c.resolve(l.color), c);
        ctx.drawImage(s.img, snap(l.x - s.w / 2), snap(l.y - 12), s.w, SPRITE_H);
      }
      ctx.restore();
      // "Now", over everything and not clipped (its label may reach into the header).
      ctx.strokeStyle = c.fg;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 3]);
      ctx.beginPath();
      ctx.moveTo(f.now.x1, f.now.y);
      ctx.lineTo(Math.min(f.now.x2, w), f.now.y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = `600 10.5px ${c.font}`;
      ctx.textAlign = 'end';
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = c.fg;
      ctx.fillText(f.now.text, f.now.x2 - 6, f.now.y - 4);
    },
  };
}

/** The arrow's direction as a unit vector. */
function unit(a: ArrowDraw): [number, number] {
  const dx = a.x2 - a.x1;
  const dy = a.y2 - a.y1;
  const len = Math.hypot(dx, dy) || 1;
  return [dx / len, dy / len];
}
