import { quadtree, type Quadtree } from 'd3';
import type { Palette } from './theme';
import { stateColors } from './theme';
import type { NodeLayout, TopologyLayout } from './topology-layout';

/** Canvas cannot read var(): "var(--x, #abc)" becomes the element's --x, else the fallback. */
function resolveColor(el: Element, color: string): string {
  const m = /^var\((--[\w-]+),\s*([^)]+)\)$/.exec(color);
  if (!m) return color;
  const value =
    typeof getComputedStyle === 'function' ? getComputedStyle(el).getPropertyValue(m[1]!).trim() : '';
  return value || m[2]!.trim();
}

/**
 * Crowds on a canvas under the SVG: the links and the many small edge nodes of a dense
 * topology (hundreds of actors), one path per colour. The SVG keeps the few core nodes,
 * hover cards and the legend; a quadtree finds the dot under the pointer.
 */
export interface DenseLayer {
  canvas: HTMLCanvasElement;
  resize(width: number, height: number): void;
  /** Nodes and links drawn here: the dense edge nodes of `layout`. */
  setLayout(
    layout: TopologyLayout,
    links: readonly { a: number; b: number }[],
    dense: ReadonlySet<number>,
  ): void;
  /** Repaints when a state changed, or the selection; cheap when nothing did. */
  paint(stateOf: (id: number) => string, selected: number | null, palette: Palette): void;
  /** The dense node under a point (within a few pixels), if any. */
  find(x: number, y: number): number | undefined;
}

export function createDenseLayer(host: Element): DenseLayer {
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
  const colorOf = stateColors();
  const resolved = new Map<string, string>();
  let dpr = 1;
  let nodes: NodeLayout[] = [];
  let links: { a: NodeLayout; b: NodeLayout }[] = [];
  let tree: Quadtree<NodeLayout> = quadtree<NodeLayout>();
  let painted = new Map<number, string>();
  let paintedSelected: number | null | undefined;
  let maxR = 4;

  const color = (state: string) => {
    const c = colorOf(state);
    let r = resolved.get(c);
    if (r === undefined) resolved.set(c, (r = resolveColor(host, c)));
    return r;
  };

  return {
    canvas,
    resize(width, height) {
      dpr = typeof devicePixelRatio === 'number' ? Math.min(2, devicePixelRatio) : 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      painted = new Map();
      resolved.clear();
    },
    setLayout(layout, allLinks, dense) {
      nodes = [...layout.nodes.values()].filter((n) => dense.has(n.id));
      links = allLinks.flatMap((l) => {
        const a = layout.nodes.get(l.a);
        const b = layout.nodes.get(l.b);
        return a && b && (dense.has(l.a) || dense.has(l.b)) ? [{ a, b }] : [];
      });
      tree = quadtree<NodeLayout>()
        .x((n) => n.x)
        .y((n) => n.y)
        .addAll(nodes);
      maxR = Math.max(4, ...nodes.map((n) => n.r + 2));
      painted = new Map();
    },
    paint(stateOf, selected, palette) {
      if (!ctx) return;
      let changed = paintedSelected !== selected || painted.size !== nodes.length;
      const states = new Map<number, string>();
      for (const n of nodes) {
        const s = stateOf(n.id);
        states.set(n.id, s);
        if (!changed && painted.get(n.id) !== s) changed = true;
      }
      if (!changed) return;
      painted = states;
      paintedSelected = selected;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      // Links: faint, the selected node's in the accent colour.
      ctx.lineWidth = 1;
      ctx.strokeStyle = palette.muted;
      ctx.globalAlpha = 0.12;
      ctx.beginPath();
      for (const { a, b } of links) {
        ctx.moveTo(a.x, a.y);
        ctx.lineTo(b.x, b.y);
      }
      ctx.stroke();
      ctx.globalAlpha = 1;
      if (selected !== null) {
        ctx.strokeStyle = palette.accent;
        ctx.lineWidth = 2;
        ctx.beginPath();
        for (const { a, b } of links) {
          if (a.id !== selected && b.id !== selected) continue;
          ctx.moveTo(a.x, a.y);
          ctx.lineTo(b.x, b.y);
        }
        ctx.stroke();
      }
      // Nodes: one path per colour; not yet started = dashed outline, down = faded.
      const byColor = new Map<string, NodeLayout[]>();
      const unborn: NodeLayout[] = [];
      for (const n of nodes) {
        const s = states.get(n.id) ?? '';
        if (s === '') unborn.push(n);
        else {
          const c = color(s) + (s === 'down' ? '|down' : '');
          byColor.set(c, [...(byColor.get(c) ?? []), n]);
        }
      }
      for (const [key, list] of byColor) {
        const [c, down] = key.split('|');
        ctx.globalAlpha = down ? 0.6 : 1;
        ctx.fillStyle = c!;
        ctx.beginPath();
        for (const n of list) {
          ctx.moveTo(n.x + n.r, n.y);
          ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
        }
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      if (unborn.length) {
        ctx.strokeStyle = palette.muted;
        ctx.lineWidth = 0.75;
        ctx.setLineDash([2, 2]);
        ctx.beginPath();
        for (const n of unborn) {
          ctx.moveTo(n.x + n.r, n.y);
          ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
        }
        ctx.stroke();
        ctx.setLineDash([]);
      }
      const sel = selected === null ? undefined : nodes.find((n) => n.id === selected);
      if (sel) {
        ctx.strokeStyle = palette.accent;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(sel.x, sel.y, sel.r + Math.max(3, sel.r * 0.5), 0, 2 * Math.PI);
        ctx.stroke();
      }
    },
    find(x, y) {
      return tree.find(x, y, maxR)?.id;
    },
  };
}
