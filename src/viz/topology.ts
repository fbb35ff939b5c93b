import { pointer, type Selection } from 'd3';
import { createSvg, sizeOf, type Svg } from './dom';
import { createMessageLayer } from './topology-canvas';
import { createDenseLayer } from './topology-dense';
import { boxOf, labelsToHide, quadOf, type Box, type Quad } from './label-collide';
import { isEdgeActor, layoutTopology, type NodeLayout, type TopologyLayout } from './topology-layout';
import { drawLegend } from './topology-legend';
import { drawHover, drawNodes, markSelected, paintNode, type NodeEls } from './topology-nodes';
import { css, resolvePalette, type Palette } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

/** In dense topologies (over 60 clients), node colours repaint every this many frames while playing. */
const DENSE_NODE_FRAMES = 20;
/** Above this many small edge nodes, they (and their links) are drawn on a canvas rather than as SVG. */
const CANVAS_CROWD_ABOVE = 150;
/** A playback jump (scrub, step, restart) larger than this repaints the nodes at once. */
const NODE_CATCH_UP_MS = 1000;

type G = Selection<SVGGElement, unknown, null, undefined>;
type Line = Selection<SVGLineElement, unknown, null, undefined>;

export interface TopologyHandle extends ViewHandle {
  select(id: number | null): void;
}

/**
 * Actors as nodes, links between those that talk, messages as moving dots (canvas),
 * partitions as cut red links, open connections as thick standing lines.
 */
export function mountTopology(
  el: HTMLElement,
  index: TraceIndex,
  opts: { onSelectActor?: (id: number | null) => void } = {},
): TopologyHandle {
  const counts = new Map<string, number>();
  for (const a of index.actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const kindsText = [...counts].map(([k, n]) => `${n} ${k}${n > 1 ? 's' : ''}`).join(', ');
  const svg: Svg = createSvg(el, `Topology: ${kindsText}. Dots are messages moving between actors.`, 'group');
  const layer = createMessageLayer(index);
  el.appendChild(layer.canvas);
  // Crowds (links and the many small edge nodes) go on a canvas under the SVG.
  const crowd = createDenseLayer(el);
  el.insertBefore(crowd.canvas, svg.node());
  let crowdIds: ReadonlySet<number> = new Set();
  const edge = new Set(index.actors.filter((a) => isEdgeActor(counts, a.kind)).map((a) => a.id));
  const hubKinds = new Set(index.actors.filter((a) => !edge.has(a.id)).map((a) => a.kind));
  const gLinks: G = svg.append('g').attr('class', 'links');
  const gStanding: G = svg.append('g').attr('class', 'connections');
  const gFaults: G = svg.append('g').attr('class', 'faults');
  const gNodes: G = svg.append('g').attr('class', 'nodes');
  const gHover: G = svg.append('g').attr('class', 'hover').style('pointer-events', 'none');
  const gHud: G = svg.append('g').attr('class', 'hud').style('pointer-events', 'none');
  const gLegend: G = svg.append('g').attr('class', 'legend').style('pointer-events', 'none');
  const inFlightText = gHud
    .append('text')
    .attr('x', 12)
    .attr('y', 20)
    .attr('font-size', 12)
    .style('fill', css.muted);

  let layout: TopologyLayout = layoutTopology(index.actors, 1, 1);
  let palette: Palette = resolvePalette(el);
  let nodeEls: NodeEls = new Map();
  let linkEls: { a: number; b: number; el: Line }[] = [];
  let intervalEls: { from: number; to: number; el: G | Line; shown: boolean }[] = [];
  let t = 0;
  let drawnT = Number.NaN;
  let frames = 0;
  let selected: number | null = null;
  let hovered: number | null = null;
  let lastInFlight = -1;

  const crowdAt = (ev: MouseEvent): number | undefined => {
    if (!crowdIds.size) return undefined;
    const [x, y] = pointer(ev, svg.node());
    return crowd.find(x, y);
  };
  svg.on('click', (ev: MouseEvent) => {
    if (ev.target !== svg.node()) return;
    const id = crowdAt(ev);
    choose(id === undefined || id === selected ? null : id);
  });
  svg.on('pointermove', (ev: PointerEvent) => {
    if (!crowdIds.size || ev.target !== svg.node()) return;
    const id = crowdAt(ev) ?? null;
    svg.style('cursor', id === null ? '' : 'pointer');
    if (id !== hovered) {
      hovered = id;
      refreshHover();
    }
  });
  svg.on('keydown', (ev: KeyboardEvent) => {
    if (ev.key === 'Escape') choose(null);
  });

  function choose(id: number | null): void {
    setSelected(id);
    opts.onSelectActor?.(id);
  }

  function setSelected(id: number | null): void {
    selected = id;
    for (const [nid, n] of nodeEls) markSelected(n, nid === id);
    for (const l of linkEls) {
      const on = id !== null && (l.a === id || l.b === id);
      l.el
        .style('stroke', on ? css.accent : css.muted)
        .style('stroke-opacity', on ? 0.9 : layout.dense ? 0.12 : 0.35)
        .style('stroke-width', on ? 2 : 1);
    }
    crowd.paint((n) => index.stateAt(n, t), selected, palette);
    refreshHover();
  }

  function refreshHover(): void {
    const id = hovered ?? selected;
    const node = id === null ? undefined : layout.nodes.get(id);
    const showFor =
      node && (node.label === 'none' || node.label === 'radial' || id === hovered) ? node : undefined;
    drawHover(gHover, showFor, showFor ? index.describeActor(showFor.id, t) : undefined, layout.width);
  }

  function build(): void {
    const { width, height } = sizeOf(el);
    // The legend goes first: the nodes get the height it leaves.
    const legendH = drawLegend(
      gLegend,
      index.statesByKind,
      hubKinds,
      width,
      height,
      index.connections.length > 0,
      index.partitions.length + index.slow.length > 0,
    );
    layout = layoutTopology(index.actors, width, height - legendH, index.links);
    layer.resize(width, height);
    crowd.resize(width, height);
    palette = resolvePalette(el);
    const small = [...layout.nodes.values()].filter((n) => !n.hub).map((n) => n.id);
    crowdIds = new Set(layout.dense && small.length > CANVAS_CROWD_ABOVE ? small : []);
    crowd.setLayout(layout, index.links, crowdIds);
    const pos = (id: number): NodeLayout | undefined => layout.nodes.get(id);
    gLinks.selectAll('*').remove();
    linkEls = [];
    for (const l of index.links) {
      const a = pos(l.a);
      const b = pos(l.b);
      if (!a || !b || crowdIds.has(l.a) || crowdIds.has(l.b)) continue;
      const line = gLinks
        .append('line')
        .attr('x1', a.x)
        .attr('y1', a.y)
        .attr('x2', b.x)
        .attr('y2', b.y)
        .style('stroke', css.muted);
      linkEls.push({ a: l.a, b: l.b, el: line });
    }
    gStanding.selectAll('*').remove();
    gFaults.selectAll('*').remove();
    intervalEls = [];
    for (const c of index.connections) {
      const a = pos(c.a);
      const b = pos(c.b);
      if (!a || !b) continue;
      const line = gStanding.append('line').attr('x1', a.x).attr('y1', a.y).attr('x2', b.x).attr('y2', b.y);
      line
        .style('stroke', css.ok)
        .style('stroke-width', layout.dense ? 2 : 4)
        .style('stroke-linecap', 'round')
        .style('stroke-opacity', 0.75)
        .style('display', 'none');
      line.append('title').text(`connection ${c.label}`);
      intervalEls.push({ from: c.from, to: c.to, el: line, shown: false });
    }
    const faultLines = [
      ...index.partitions.map((p) => ({ ...p, color: css.bad, text: '✂ partitioned' })),
      ...index.slow.map((p) => ({
        ...p,
        color: css.warn,
        text: p.label.replace(/^slow\s+.*?\s+x/, 'slow ×'),
      })),
    ];
    for (const f of faultLines) {
      const a = pos(f.a);
      const b = pos(f.b);
      if (!a || !b) continue;
      const g = gFaults.append('g').style('display', 'none');
      g.append('line')
        .attr('x1', a.x)
        .attr('y1', a.y)
        .attr('x2', b.x)
        .attr('y2', b.y)
        .style('stroke', f.color)
        .style('stroke-width', 2.5)
        .style('stroke-dasharray', '6 4');
      const mx = (a.x + b.x) / 2;
      const my = (a.y + b.y) / 2;
      g.append('text')
        .attr('x', mx)
        .attr('y', my - 6)
        .attr('text-anchor', 'middle')
        .attr('font-size', 11)
        .attr('font-weight', 600)
        .style('fill', f.color)
        .style('paint-order', 'stroke')
        .style('stroke', css.panel)
        .style('stroke-width', 3)
        .text(f.text);
      intervalEls.push({ from: f.from, to: f.to, el: g, shown: false });
    }
    nodeEls = drawNodes(gNodes, index, layout, crowdIds, {
      onSelect: (id) => choose(selected === id ? null : id),
      onHover: (id) => {
        hovered = id;
        refreshHover();
      },
    });
    declutter();
    setSelected(selected);
    drawnT = Number.NaN;
    nodesPaintedAt = Number.NaN;
    lastInFlight = -1;
    update(t);
  }

  let nodesPaintedAt = Number.NaN;
  /** Visible node labels and shapes, axis-aligned, for the message labels to keep clear of. */
  let labelBoxes: Box[] = [];

  /**
   * Labels never overlap: in priority order (core nodes first), a label that would overlap
   * one already placed, a node, the legend or the counter is hidden; its node still shows
   * name and state on hover or focus. Measured with the longest state of each kind, so a
   * label that fits now still fits when its state changes.
   */
  function declutter(): void {
    const root = svg.node()?.getScreenCTM()?.inverse();
    if (!root) return;
    const inView = (el: SVGGraphicsElement, pad = 1): Quad | undefined => {
      const m = el.getScreenCTM();
      if (!m) return undefined;
      return quadOf(el.getBBox(), root.multiply(m), pad);
    };
    const obstacles: Quad[] = [];
    for (const el of [inFlightText.node(), gLegend.node()]) {
      const q = el && inView(el, 2);
      if (q) obstacles.push(q);
    }
    for (const n of nodeEls.values()) {
      const q = inView(n.shape.node() as SVGGraphicsElement, 1);
      if (q) obstacles.push(q);
    }
    const ordered = [...nodeEls.values()]
      .filter((n) => n.name)
      .sort((a, b) => Number(b.layout.hub) - Number(a.layout.hub));
    const quads: Quad[] = [];
    for (const n of ordered) {
      n.labels.style('display', '');
      const longest = (index.statesByKind.get(n.kind) ?? []).reduce(
        (a, b) => (b.length > a.length ? b : a),
        'not started',
      );
      if (n.stateText) n.stateText.text(n.layout.withState === 'inline' ? ` · ${longest}` : longest);
      n.state = '\u0000';
      quads.push(inView(n.labels.node() as SVGGraphicsElement) ?? []);
    }
    const hide = labelsToHide(quads, obstacles, (i) => ordered[i]!.layout.hub);
    labelBoxes = [];
    ordered.forEach((n, i) => {
      n.labels.style('display', hide.has(i) ? 'none' : '');
      if (!hide.has(i)) labelBoxes.push(boxOf(quads[i]!));
    });
    for (const q of obstacles) labelBoxes.push(boxOf(q));
  }

  function update(tt: number): void {
    t = tt;
    // Theme switches are rare; re-reading the palette now and then keeps the canvas in step without per-frame style reads.
    if (++frames % 60 === 0) palette = resolvePalette(el);
    // Above 60 clients every repaint of the SVG nodes costs the browser a full paint of
    // about 2,000 elements; while playing, their colours catch up a few times a second
    // (messages on the canvas still move every frame). Jumps and steps repaint at once.
    const jumped = Number.isNaN(nodesPaintedAt) || Math.abs(t - nodesPaintedAt) > NODE_CATCH_UP_MS;
    if (!layout.dense || jumped || frames % DENSE_NODE_FRAMES === 0) {
      nodesPaintedAt = t;
      for (const [id, n] of nodeEls) {
        const s = index.stateAt(id, t);
        if (s !== n.state) paintNode(n, s, index);
      }
      crowd.paint((id) => index.stateAt(id, t), selected, palette);
    }
    for (const iv of intervalEls) {
      const on = iv.from <= t && t < iv.to;
      if (on !== iv.shown) {
        iv.shown = on;
        iv.el.style('display', on ? '' : 'none');
      }
    }
    const flying = index.messagesInFlight(t);
    if (flying !== lastInFlight) {
      lastInFlight = flying;
      inFlightText.text(`${flying.toLocaleString('en-US')} message${flying === 1 ? '' : 's'} in flight`);
    }
    if (hovered !== null || selected !== null) refreshHover();
    if (t !== drawnT || frames % 60 === 0) {
      drawnT = t;
      layer.draw(t, layout.nodes, palette, {
        labels: !layout.dense,
        isEdge: (id) => edge.has(id),
        avoid: labelBoxes,
      });
    }
  }

  build();
  return {
    update,
    resize: build,
    destroy() {
      svg.remove();
      layer.canvas.remove();
      crowd.canvas.remove();
    },
    select: (id) => setSelected(id),
  };
}
