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

export function createSequenceLayer(): SequenceLayer {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.className = 'sequence-canvas';
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  const ctx = canvas.getContext('2d');
  let dpr = 1;
  let w = 0;
  let h = 0;

  function arrow(a: ArrowDraw, color: string): void {
    if (!ctx) return;
    let { x2, y2 } = a;
    const dx = a.x2 - a.x1;
    const dy = a.y2 - a.y1;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    ctx.strokeStyle = color;
    ctx.lineWidth = LINE_W;
    ctx.setLineDash(a.dashed ? [4, 3] : []);
    ctx.beginPath();
    ctx.moveTo(a.x1, a.y1);
    // An arrowhead covers the line's end: stop the line at the head's base so dashes do not show through.
    if (a.head) {
      const tipX = x2 + ux * 0.1 * HEAD;
      const tipY = y2 + uy * 0.1 * HEAD;
      x2 = tipX - ux * HEAD * 0.9;
      y2 = tipY - uy * HEAD * 0.9;
      ctx.lineTo(x2, y2);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(tipX - ux * HEAD - uy * HEAD * 0.5, tipY - uy * HEAD + ux * HEAD * 0.5);
      ctx.lineTo(tipX - ux * HEAD + uy * HEAD * 0.5, tipY - uy * HEAD - ux * HEAD * 0.5);
      ctx.closePath();
      ctx.fill();
      return;
    }
    ctx.lineTo(x2, y2);
    ctx.stroke();
  }

  return {
    canvas,
    resize(width, height) {
      dpr = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
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
      // State bands.
      ctx.globalAlpha = 0.55;
      for (const b of f.bands) {
        ctx.fillStyle = c.resolve(b.color);
        ctx.fillRect(b.x - BAND_HALF, b.y0, 2 * BAND_HALF, Math.max(0.5, b.y1 - b.y0));
      }
      ctx.globalAlpha = 1;
      // Arrows, with a dot on the head of those in flight and an x where one was lost.
      for (const a of f.arrows) {
        const color = c.resolve(a.color);
        arrow(a, color);
        if (a.dot) {
          ctx.fillStyle = color;
          ctx.beginPath();
          ctx.arc(a.x2, a.y2, 3, 0, 2 * Math.PI);
          ctx.fill();
        }
      }
      ctx.setLineDash([]);
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
      ctx.font = `10px ${c.font}`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'alphabetic';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = c.panel;
      for (const l of f.labels) {
        ctx.strokeText(l.text, l.x, l.y);
        ctx.fillStyle = c.resolve(l.color);
        ctx.fillText(l.text, l.x, l.y);
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
      ctx.fillStyle = c.fg;
      ctx.fillText(f.now.text, f.now.x2 - 6, f.now.y - 4);
    },
  };
}
