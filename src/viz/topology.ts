import { pointer } from 'd3';
import type { Tone } from '../engine/trace';
import type { Box } from './label-collide';
import { createSvg, sizeOf, type Svg } from './dom';
import { createMessageLayer } from './topology-canvas';
import { crashingActors, crowdLinks, groupCrowds, type Crowd } from './topology-crowd';
import { addLayers } from './topology-layers';
import { crowdDoors, drawCrowd, drawRegroup, paintCrowd, type CrowdEl } from './topology-crowd-node';
import { declutter } from './topology-declutter';
import { createDenseLayer } from './topology-dense';
import { isEdgeActor, layoutTopology, type NodeLayout, type TopologyLayout } from './topology-layout';
import { drawLegend } from './topology-legend';
import { drawIntervals, drawLinks, showIntervals, type IntervalEl, type LinkEl } from './topology-links';
import { drawHover, drawNodes, markSelected, paintNode, type NodeEls } from './topology-nodes';
import { css, resolvePalette, type Palette } from './theme';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

/** In dense topologies (over 60 clients), node colours repaint every this many frames while playing. */
const DENSE_NODE_FRAMES = 20;
/** While playing, crowd histograms repaint every this many frames. */
const CROWD_FRAMES = 6;
/** Above this many small edge nodes, they (and their links) are drawn on a canvas rather than as SVG. */
const CANVAS_CROWD_ABOVE = 150;
/** A playback jump (scrub, step, restart) larger than this repaints the nodes at once. */
const NODE_CATCH_UP_MS = 1000;

export interface TopologyHandle extends ViewHandle {
  select(id: number | null): void;
}

/**
 * Actors as nodes, links between those that talk, messages as moving dots (canvas),
 * partitions as cut red links, open connections as thick standing lines. More than a
 * couple of dozen actors of one kind are one crowd node until the learner expands it.
 */
export function mountTopology(
  el: HTMLElement,
  index: TraceIndex,
  opts: {
    onSelectActor?: (id: number | null) => void;
    /** What the message colours mean in this lesson (see Tone); defaults name them generically. */
    tones?: Partial<Record<Tone, string>>;
  } = {},
): TopologyHandle {
  const counts = new Map<string, number>();
  for (const a of index.actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  const kindsText = [...counts].map(([k, n]) => `${n} ${k}${n > 1 ? 's' : ''}`).join(', ');
  const svg: Svg = createSvg(el, `Topology: ${kindsText}. Dots are messages moving between actors.`, 'group');
  const layer = createMessageLayer(index);
  const toneNames: Record<Tone, string> = {
    ok: 'as expected',
    warn: 'outdated',
    bad: 'anomaly',
    ...opts.tones,
  };
  const toneLegend = index.hasTones
    ? (['ok', 'warn', 'bad'] as const).map((tone) => ({ tone, text: toneNames[tone] }))
    : [];
  el.appendChild(layer.canvas);
  // Hundreds of expanded small nodes (and their links) go on a canvas under the SVG.
  const dense = createDenseLayer(el);
  el.insertBefore(dense.canvas, svg.node());
  let denseIds: ReadonlySet<number> = new Set();
  const edge = new Set(index.actors.filter((a) => isEdgeActor(counts, a.kind)).map((a) => a.id));
  const hubKinds = new Set(index.actors.filter((a) => !edge.has(a.id)).map((a) => a.kind));
  // Actors that crash at some point stay their own node: a crash should never hide in a crowd.
  const crashing = crashingActors(index);
  const expanded = new Set<string>();
  const { gLinks, gStanding, gFaults, gNodes, gHover, gLegend, gRegroup, inFlightText } = addLayers(svg);

  let layout: TopologyLayout = layoutTopology(index.actors, 1, 1);
  /** Where each actor is drawn: its own node, or its crowd's while the crowd is collapsed. */
  let where = new Map<number, NodeLayout>();
  let crowdOf = new Map<number, number>();
  let crowdEls: CrowdEl[] = [];
  let palette: Palette = resolvePalette(el);
  let nodeEls: NodeEls = new Map();
  let linkEls: LinkEl[] = [];
  let intervalEls: IntervalEl[] = [];
  let t = 0;
  let drawnT = Number.NaN;
  let frames = 0;
  let selected: number | null = null;
  let hovered: number | null = null;
  let lastInFlight = -1;
  let nodesPaintedAt = Number.NaN;
  /** Visible node labels and shapes, axis-aligned, for the message labels to keep clear of. */
  let labelBoxes: Box[] = [];

  const denseAt = (ev: MouseEvent): number | undefined => {
    if (!denseIds.size) return undefined;
    const [x, y] = pointer(ev, svg.node());
    return dense.find(x, y);
  };
  svg.on('click', (ev: MouseEvent) => {
    if (ev.target !== svg.node()) return;
    const id = denseAt(ev);
    choose(id === undefined || id === selected ? null : id);
  });
  svg.on('pointermove', (ev: PointerEvent) => {
    if (!denseIds.size || ev.target !== svg.node()) return;
    const id = denseAt(ev) ?? null;
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
    // A member hidden in a crowd comes out of it to be shown selected.
    if (id !== null && crowdOf.has(id)) {
      build();
      return;
    }
    for (const [nid, n] of nodeEls) markSelected(n, nid === id);
    for (const l of linkEls) {
      const on = id !== null && (l.a === id || l.b === id);
      l.el
        .style('stroke', on ? css.accent : css.muted)
        .style('stroke-opacity', on ? 0.9 : layout.dense ? 0.12 : 0.35)
        .style('stroke-width', on ? 2 : 1);
    }
    dense.paint((n) => index.stateAt(n, t), selected, palette);
    refreshHover();
  }

  function refreshHover(): void {
    const id = hovered ?? selected;
    const node = id === null ? undefined : layout.nodes.get(id);
    const showFor =
      node && (node.label === 'none' || node.label === 'radial' || id === hovered) ? node : undefined;
    drawHover(gHover, showFor, showFor ? index.describeActor(showFor.id, t) : undefined, layout.width);
  }

  /** Expands a crowd (or groups its kind again), then puts the focus on what replaced it. */
  function toggle(kind: string): void {
    const wasExpanded = expanded.has(kind);
    if (wasExpanded) expanded.delete(kind);
    else expanded.add(kind);
    build();
    const next = wasExpanded
      ? crowdEls.find((c) => c.crowd.kind === kind)?.g.node()
      : (gRegroup.select('.regroup').node() as SVGGElement | null);
    next?.focus();
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
      toneLegend,
    );
    const pinned = new Set(crashing);
    if (selected !== null) pinned.add(selected);
    const grouping = groupCrowds(index.actors, { expanded, pinned });
    crowdOf = grouping.crowdOf;
    const links = crowdLinks(index.links, crowdOf);
    layout = layoutTopology(grouping.actors, width, height - legendH, links);
    where = new Map(layout.nodes);
    // Messages of a crowd's members leave and reach the card's edge, not its middle (under the text).
    const door = crowdDoors(grouping.crowds, layout.nodes, links);
    for (const [m, c] of crowdOf) where.set(m, door.get(c) ?? layout.nodes.get(c)!);
    layer.resize(width, height);
    dense.resize(width, height);
    palette = resolvePalette(el);
    const small = [...layout.nodes.values()].filter((n) => !n.hub && n.id >= 0).map((n) => n.id);
    denseIds = new Set(layout.dense && small.length > CANVAS_CROWD_ABOVE ? small : []);
    dense.setLayout(layout, links, denseIds);
    const pos = (id: number): NodeLayout | undefined => where.get(id);
    linkEls = drawLinks(gLinks, links, pos, denseIds);
    intervalEls = drawIntervals(gStanding, gFaults, index, pos, layout.dense);
    nodeEls = drawNodes(gNodes, index, layout, denseIds, {
      onSelect: (id) => choose(selected === id ? null : id),
      onHover: (id) => {
        hovered = id;
        refreshHover();
      },
    });
    crowdEls = grouping.crowds.map((c: Crowd) => drawCrowd(gNodes, c, layout.nodes.get(c.id)!, toggle));
    drawRegroup(
      gRegroup,
      [...expanded].filter((k) => (counts.get(k) ?? 0) > 0).map((k) => ({ kind: k, n: counts.get(k)! })),
      width,
      toggle,
    );
    labelBoxes = declutter(
      svg.node(),
      nodeEls,
      [inFlightText.node(), gLegend.node(), gRegroup.node(), ...crowdEls.map((c) => c.g.node())],
      index.statesByKind,
    );
    setSelected(selected);
    drawnT = Number.NaN;
    nodesPaintedAt = Number.NaN;
    lastInFlight = -1;
    update(t);
  }

  let crowdTimer = 0;
  function paintCrowds(): void {
    window.clearTimeout(crowdTimer);
    crowdTimer = 0;
    for (const c of crowdEls)
      paintCrowd(c, (id) => index.stateAt(id, t), index.statesByKind.get(c.crowd.kind) ?? []);
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
      dense.paint((id) => index.stateAt(id, t), selected, palette);
    }
    // A crowd's histogram sums up hundreds of members: a few times a second is enough while
    // playing; a skipped repaint still comes shortly after (a step while paused shows).
    if (jumped || frames % CROWD_FRAMES === 0) paintCrowds();
    else if (!crowdTimer && crowdEls.length) crowdTimer = window.setTimeout(paintCrowds, 150);
    showIntervals(intervalEls, t);
    const flying = index.messagesInFlight(t);
    if (flying !== lastInFlight) {
      lastInFlight = flying;
      inFlightText.text(`${flying.toLocaleString('en-US')} message${flying === 1 ? '' : 's'} in flight`);
    }
    if (hovered !== null || selected !== null) refreshHover();
    if (t !== drawnT || frames % 60 === 0) {
      drawnT = t;
      layer.draw(t, where, palette, {
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
      window.clearTimeout(crowdTimer);
      svg.remove();
      layer.canvas.remove();
      dense.canvas.remove();
    },
    select: (id) => setSelected(id),
  };
}
