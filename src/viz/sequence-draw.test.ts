import { describe, expect, test } from 'vitest';
import { arrowDrawList, bandAt, bandDrawList, labelSummary, type SequenceGeometry } from './sequence-draw';
import type { Arrow } from './sequence-model';
import { cssColorResolver } from './theme';

const colors = { accent: 'blue', reply: 'purple', fg: 'black', bad: 'red' };
// Three lifelines 100 px apart, 1 px per ms from y = 50.
const geo: SequenceGeometry = {
  xs: [100, 200, 300],
  y: (t) => 50 + t,
  width: 400,
  height: 600,
  axis: 58,
  header: 44,
  isReply: (from) => from === 0,
};
const arrow = (over: Partial<Arrow>): Arrow => ({
  row: 0,
  from: 1,
  to: 0,
  tSend: 0,
  tHead: 100,
  reach: 1,
  status: 'delivered',
  label: 'GET',
  ...over,
});

describe('space-time draw list', () => {
  test('an arrow runs from (sender, send time) to (receiver, head time), partly across while lost', () => {
    const { arrows } = arrowDrawList(
      [arrow({ row: 4 }), arrow({ row: 5, from: 1, to: 2, reach: 0.5, status: 'dropped', tHead: 80 })],
      geo,
      colors,
    );
    expect(arrows[0]).toMatchObject({ row: 4, x1: 200, y1: 50, x2: 100, y2: 150, head: true, dot: false });
    expect(arrows[0]!.dashed).toBe(false);
    expect(arrows[1]).toMatchObject({ x1: 200, x2: 250, y2: 130, dashed: true, cross: true, head: false });
  });

  test('requests take the first colour, replies the second, and a message style overrides both', () => {
    const list = [
      arrow({ row: 1, from: 1 }),
      arrow({ row: 2, from: 0, to: 1 }),
      arrow({ row: 3, from: 0, to: 1 }),
    ];
    const { arrows } = arrowDrawList(list, geo, colors, (row) =>
      row === 3 ? { color: 'var(--stale, orange)', dashed: true } : undefined,
    );
    expect(arrows.map((a) => a.color)).toEqual(['blue', 'purple', 'var(--stale, orange)']);
    expect(arrows.map((a) => a.dashed)).toEqual([false, false, true]);
  });

  test("a style's label colour applies to its label; a dropped message's label stays red", () => {
    const list = [
      arrow({ row: 1, from: 1, to: 0, tSend: 0, label: 'stale' }),
      arrow({ row: 2, from: 1, to: 2, tSend: 300, tHead: 400, label: 'lost', status: 'dropped', reach: 0.5 }),
    ];
    const { labels } = arrowDrawList(list, geo, colors, () => ({ labelColor: 'crimson' }));
    expect(Object.fromEntries(labels.map((l) => [l.row, l.color]))).toEqual({ 1: 'crimson', 2: 'red' });
  });

  test('a message in flight has a dot and no arrowhead', () => {
    const { arrows } = arrowDrawList([arrow({ status: 'flying', reach: 0.3 })], geo, colors);
    expect(arrows[0]).toMatchObject({ dot: true, head: false, cross: false, x2: 170 });
  });

  test('labels go to the newest arrows first, never overlap, and skip arrows too short for them', () => {
    // Two arrows with the same middle: only the newer is labelled. A third spans no width.
    const list = [
      arrow({ row: 1, tSend: 0, tHead: 100 }),
      arrow({ row: 2, tSend: 2, tHead: 98 }),
      arrow({ row: 3, from: 1, to: 1, tSend: 300, tHead: 400, label: 'a rather long label' }),
    ];
    const { labels } = arrowDrawList(list, geo, colors);
    expect(labels.map((l) => l.row)).toEqual([2]);
    expect(labels[0]).toMatchObject({ x: 150, text: 'GET', color: 'black' });
  });

  test('a dropped message is labelled in red with an x', () => {
    const { labels } = arrowDrawList([arrow({ status: 'dropped', label: 'PUT' })], geo, colors);
    expect(labels[0]).toMatchObject({ text: 'PUT ✕', color: 'red' });
  });

  test('bands cover states other than resting, clipped to the window and ending now', () => {
    const changes = new Map([
      [
        7,
        [
          { t: 10, state: 'idle' },
          { t: 20, state: 'requesting' },
          { t: 60, state: 'idle' },
          { t: 90, state: 'down' },
        ],
      ],
    ]);
    const bands = bandDrawList([{ id: 7, rest: 'idle' }], [100], (id) => changes.get(id) ?? [], {
      top: 30,
      t: 120,
      y: (t) => t,
      colorOf: (s) => `c-${s}`,
    });
    expect(bands).toEqual([
      { x: 100, y0: 30, y1: 60, color: 'c-requesting', state: 'requesting' },
      { x: 100, y0: 90, y1: 120, color: 'c-down', state: 'down' },
    ]);
    expect(bandAt(bands, 102, 40)?.state).toBe('requesting');
    expect(bandAt(bands, 102, 75)).toBeUndefined();
    expect(bandAt(bands, 110, 40)).toBeUndefined();
  });

  test('the description names each labelled message once, newest first, and says how many more', () => {
    const l = (text: string) => ({ row: 0, x: 0, y: 0, text, color: 'black' });
    expect(labelSummary([l('COMMIT ok'), l('GET'), l('COMMIT ok')])).toBe(
      'Latest labelled messages: COMMIT ok, GET.',
    );
    expect(labelSummary([l('a'), l('b'), l('c')], 2)).toBe('Latest labelled messages: a, b, and 1 more.');
    expect(labelSummary([])).toBe('No labelled messages in this window.');
  });
});

describe('colours for the canvas', () => {
  test('var() falls back to its default (nested too) when the property is not set; plain colours pass through', () => {
    const resolve = cssColorResolver({} as Element);
    expect(resolve('var(--nowhere, #123456)')).toBe('#123456');
    expect(resolve('var(--a, var(--b, red))')).toBe('red');
    expect(resolve('#abcdef')).toBe('#abcdef');
  });
});
