import { scaleLinear, type Selection } from 'd3';
import { createSvg, sizeOf, uid } from './dom';
import { fmtTime } from './format';
import { latestEvery } from './latest-every';
import { createSequenceLayer, type SequenceColors } from './sequence-canvas';
import {
  arrowDrawList,
  bandAt,
  bandDrawList,
  labelSummary,
  type BandDraw,
  type MessageStyleOf,
} from './sequence-draw';
import { drawAxis, drawHeads } from './sequence-heads';
import { defaultWindow, pickLifelines, trafficOf, timeWindow, visibleArrows } from './sequence-model';
import { css, cssColorResolver, stateColors, TONE_CSS } from './theme';
import { isEdgeActor } from './topology-layout';
import type { TraceIndex } from './trace-index';
import type { ViewHandle } from './view';

type G = Selection<SVGGElement, unknown, null, undefined>;

/** Header height and axis width. */
const HEADER = 44;
const AXIS = 58;
/** The description listing the labelled messages follows playback at most this often (ms). */
const DESCRIBE_EVERY_MS = 1000;

/**
 * Space-time diagram: a lifeline per actor, time running down, each message a slanted
 * arrow from (sender, send time) to (receiver, delivery time). The window follows t.
 * Headers and the time axis are SVG; lifelines, bands, arrows, labels and "now" are
 * painted on a canvas under it (see sequence-canvas.ts), with the labelled messages
 * also in the SVG's description for screen readers, updated about once a second.
 * `styleOf` gives a message its own colour or dash (for example a stale read).
 */
export function mountSequence(
  el: HTMLElement,
  index: TraceIndex,
  opts: {
    maxActors?: number;
    windowMs?: number;
    pinned?: readonly number[];
    styleOf?: MessageStyleOf;
  } = {},
): ViewHandle {
  const { shown, hidden } = pickLifelines(index.actors, opts.maxActors ?? 6, {
    pinned: opts.pinned,
    traffic: trafficOf(index.links),
  });
  const names = shown.map((a) => a.name).join(', ');
  const svg = createSvg(
    el,
    `Sequence diagram of messages between ${names}${hidden ? ` and ${hidden} more not shown` : ''}; time runs downward.`,
  );
  // A lesson that judges its messages (a fresh or a stale read) has them drawn in the tone's colour.
  const styleOf: MessageStyleOf | undefined =
    opts.styleOf ??
    (index.hasTones
      ? (row) => {
          const tone = index.toneOf(row);
          if (tone === undefined) return undefined;
          return { color: TONE_CSS[tone], labelColor: tone === 'bad' ? css.bad : undefined };
        }
      : undefined);
  const layer = createSequenceLayer();
  el.insertBefore(layer.canvas, svg.node());
  const descId = uid('seq-desc');
  const desc = svg.append('desc').attr('id', descId);
  svg.attr('aria-describedby', descId);
  const gAxis: G = svg.append('g').attr('class', 'axis');
  const gHead: G = svg.append('g').attr('class', 'lifeline-heads');
  // The canvas takes no pointer: this transparent rectangle over the body shows a band's state on hover.
  const hover = svg.append('rect').attr('class', 'band-hover').style('fill', 'transparent');
  const hoverTitle = hover.append('title');
  const column = new Map<number, number>(shown.map((a, i) => [a.id, i]));
  const counts = new Map<string, number>();
  for (const a of index.actors) counts.set(a.kind, (counts.get(a.kind) ?? 0) + 1);
  // Replies (from core actors) get the second colour, as in the topology view.
  const isCore = new Set(shown.filter((a) => !isEdgeActor(counts, a.kind)).map((a) => a.id));
  const colorOf = stateColors(index.statesByKind);
  // The kind's first state is its resting state (idle, waiting): only the others get a band.
  const lifelines = shown.map((a) => ({ id: a.id, rest: index.statesByKind.get(a.kind)?.[0] }));
  const windowMs = opts.windowMs ?? defaultWindow(index);
  const resolve = cssColorResolver(el);
  const y = scaleLinear();
  let colors: SequenceColors = readColors();
  let xs: number[] = [];
  let width = 0;
  let height = 0;
  let t = 0;
  let frames = 0;
  let bands: BandDraw[] = [];
  // The labelled messages in words: only when they change, about once a second while playing.
  const describe = latestEvery(DESCRIBE_EVERY_MS, (text) => desc.text(text));

  function readColors(): SequenceColors {
    resolve.refresh();
    const font = (svg.node() && getComputedStyle(svg.node() as SVGSVGElement).fontFamily) || 'sans-serif';
    return {
      fg: resolve(css.fg),
      muted: resolve(css.muted),
      bad: resolve(css.bad),
      panel: resolve(css.panel),
      resolve,
      font,
    };
  }

  function build(): void {
    ({ width, height } = sizeOf(el));
    const colW = (width - AXIS - 10) / Math.max(1, shown.length);
    xs = shown.map((_, i) => AXIS + colW * (i + 0.5));
    y.range([HEADER + 6, height - 8]);
    layer.resize(width, height);
    colors = readColors();
    hover
      .attr('x', AXIS - 4)
      .attr('y', HEADER)
      .attr('width', Math.max(0, width - AXIS + 4))
      .attr('height', Math.max(0, height - HEADER));
    drawHeads(gHead, shown, xs, colW, {
      hidden,
      pinned: opts.pinned ?? [],
      width,
      header: HEADER,
      axis: AXIS,
    });
    update(t);
  }

  function update(tt: number): void {
    t = tt;
    // Theme switches are rare; re-reading the colours now and then keeps the canvas in step without per-frame style reads.
    if (++frames % 120 === 0) colors = readColors();
    const { top, bottom } = timeWindow(t, windowMs);
    y.domain([top, bottom]);
    drawAxis(gAxis, y, top, bottom, AXIS);
    bands = bandDrawList(lifelines, xs, (id) => index.stateChanges(id, top, t), { top, t, y, colorOf });
    const drawn = arrowDrawList(
      visibleArrows(index, column, t, top),
      {
        xs,
        y,
        width,
        height,
        axis: AXIS,
        header: HEADER,
        isReply: (from) => isCore.has(shown[from]?.id ?? -1),
      },
      { accent: css.accent, reply: css.reply, fg: css.fg, bad: css.bad },
      styleOf,
    );
    const yNow = y(t);
    layer.paint(
      {
        lanes: xs,
        bands,
        arrows: drawn.arrows,
        labels: drawn.labels,
        body: { x: AXIS - 4, y: HEADER, w: width - AXIS + 4, h: height - HEADER },
        now: { y: yNow, x1: AXIS - 4, x2: width, text: `now ${fmtTime(t)}` },
      },
      colors,
    );
    describe(labelSummary(drawn.labels));
  }

  const onMove = (e: MouseEvent) => {
    const box = (svg.node() as SVGSVGElement).getBoundingClientRect();
    const b = bandAt(bands, e.clientX - box.left, e.clientY - box.top);
    const text = b ? b.state : '';
    if (hoverTitle.text() !== text) hoverTitle.text(text);
  };
  hover.on('mousemove', onMove);

  build();
  return {
    update,
    resize: build,
    destroy: () => {
      describe.cancel();
      svg.remove();
      layer.canvas.remove();
    },
  };
}
