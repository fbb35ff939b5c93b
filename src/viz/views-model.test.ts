import { beforeAll, describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import type { ActorInfo } from '../engine/sim';
import { runLesson } from '../lesson/run';
import type { RunResult } from '../lesson/types';
import { syntheticRun } from './fixtures';
import { percentileLabel } from './histogram';
import { pickLifelines, placeLabels, timeWindow, trafficOf, visibleArrows } from './sequence-model';
import { isActivePath } from './statechart';
import { layoutStatechart } from './statechart-layout';
import { niceMax } from './timeseries';
import { gaugeAt } from './timeseries';
import { layoutTopology } from './topology-layout';
import { buildTraceIndex } from './trace-index';

const actors = (clients: number): ActorInfo[] => [
  { id: 0, name: 'server', kind: 'server' },
  ...Array.from({ length: clients }, (_, i) => ({ id: i + 1, name: `client-${i + 1}`, kind: 'client' })),
];

describe('topology layout', () => {
  test.each([366, 430, 800])('four core kinds in columns at %i px: no two nodes overlap', (w) => {
    const kinds = ['api', 'store', 'store', 'queue', ...Array.from({ length: 6 }, () => 'worker')];
    const all: ActorInfo[] = [
      { id: 0, name: 'authors', kind: 'client' },
      { id: 1, name: 'devices', kind: 'client' },
      ...kinds.map((kind, i) => ({ id: i + 2, name: `${kind}-${i}`, kind })),
    ];
    const nodes = [...layoutTopology(all, w, 360).nodes.values()];
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i]!;
        const b = nodes[j]!;
        expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} / ${b.id}`).toBeGreaterThan(a.r + b.r);
      }
  });
  test.each([1, 2, 5, 20, 60, 61, 300, 1000])(
    '%i clients: every actor placed inside the panel, none overlapping',
    (n) => {
      const l = layoutTopology(actors(n), 800, 560);
      expect(l.nodes.size).toBe(n + 1);
      const nodes = [...l.nodes.values()];
      for (const a of nodes) {
        expect(a.x - a.r).toBeGreaterThanOrEqual(0);
        expect(a.y - a.r).toBeGreaterThanOrEqual(0);
        expect(a.x + a.r).toBeLessThanOrEqual(800);
        expect(a.y + a.r).toBeLessThanOrEqual(560);
      }
      for (let i = 0; i < nodes.length; i++)
        for (let j = i + 1; j < nodes.length; j++) {
          const a = nodes[i]!;
          const b = nodes[j]!;
          expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(a.r + b.r);
        }
      const server = l.nodes.get(0)!;
      const client = l.nodes.get(1)!;
      expect(server.hub).toBe(true);
      expect(server.r).toBeGreaterThan(client.r);
      // Above 60 clients they are drawn small and unlabelled (names on hover); below, every name is drawn.
      expect(l.dense).toBe(n > 60);
      expect(client.label).toBe(n > 60 ? 'none' : n <= 8 ? 'beside' : 'radial');
    },
  );

  test('with several servers, each server sits by the sector of its own clients', () => {
    const servers = ['ticker', 'chat', 'notes'].map((n, i) => ({
      id: i,
      name: `${n}-server`,
      kind: 'server',
    }));
    const clients = Array.from({ length: 15 }, (_, i) => ({
      id: 3 + i,
      name: `user-${(i % 5) + 1}-${i % 3}`,
      kind: 'client',
    }));
    const links = clients.map((c, i) => ({ a: c.id, b: i % 3, count: 10 }));
    const l = layoutTopology([...servers, ...clients], 800, 560, links);
    for (const s of servers) {
      const hub = l.nodes.get(s.id)!;
      const mine = clients.filter((_, i) => i % 3 === s.id).map((c) => l.nodes.get(c.id)!);
      const others = clients.filter((_, i) => i % 3 !== s.id).map((c) => l.nodes.get(c.id)!);
      const mean = (ns: { x: number; y: number }[]) =>
        ns.reduce((d, n) => d + Math.hypot(n.x - hub.x, n.y - hub.y), 0) / ns.length;
      expect(mean(mine)).toBeLessThan(mean(others));
    }
    const hubs = servers.map((s) => l.nodes.get(s.id)!);
    for (let i = 0; i < hubs.length; i++)
      for (let j = i + 1; j < hubs.length; j++)
        expect(Math.hypot(hubs[i]!.x - hubs[j]!.x, hubs[i]!.y - hubs[j]!.y)).toBeGreaterThan(60);
  });

  test('a system of five peers is a labelled ring of equals', () => {
    const peers = Array.from({ length: 5 }, (_, i) => ({ id: i, name: `node-${i}`, kind: 'replica' }));
    const l = layoutTopology(peers, 600, 400);
    expect([...l.nodes.values()].every((n) => n.hub && n.label === 'beside')).toBe(true);
  });
});

describe('sequence model', () => {
  let run: RunResult;
  beforeAll(async () => {
    run = runLesson((await loadLesson('polling'))!, { lessonId: 'polling', params: {}, seed: 7, faults: [] });
  });

  test('server first, then the first clients by name, and how many are hidden', () => {
    const { shown, hidden } = pickLifelines(run.actors, 6);
    expect(shown.map((a) => a.name)).toEqual([
      'server',
      'client-1',
      'client-2',
      'client-3',
      'client-4',
      'client-5',
    ]);
    expect(hidden).toBe(15);
  });

  test('the selected actor, then the busiest, take the edge columns', () => {
    const index = buildTraceIndex(run);
    const traffic = trafficOf(index.links);
    const byName = (n: string) => run.actors.find((a) => a.name === n)!.id;
    const { shown } = pickLifelines(run.actors, 4, { pinned: [byName('client-20')], traffic });
    expect(shown.map((a) => a.name).slice(0, 2)).toEqual(['server', 'client-20']);
    const rest = shown.slice(2).map((a) => traffic.get(a.id) ?? 0);
    const others = run.actors.filter((a) => !shown.includes(a)).map((a) => traffic.get(a.id) ?? 0);
    expect(Math.min(...rest)).toBeGreaterThanOrEqual(Math.max(...others));
  });

  test('arrows at t: only messages sent by t, partial while in flight, within the window', () => {
    const index = buildTraceIndex(run);
    const { shown } = pickLifelines(run.actors, 6);
    const column = new Map(shown.map((a, i) => [a.id, i]));
    for (const t of [500, 5000, 12_345, 59_000]) {
      const { top, bottom } = timeWindow(t, 2000);
      expect(bottom - top).toBe(2000);
      expect(t).toBeGreaterThanOrEqual(top);
      const arrows = visibleArrows(index, column, t, top);
      expect(arrows.length).toBeGreaterThan(0);
      for (const a of arrows) {
        expect(a.tSend).toBeLessThanOrEqual(t);
        expect(a.tHead).toBeLessThanOrEqual(t);
        expect(a.tHead).toBeGreaterThanOrEqual(top);
        if (a.status === 'flying') expect(a.reach).toBeLessThan(1);
        else expect(a.reach).toBe(1);
        expect(['GET /feed', 'empty']).toContain(a.label.startsWith('200') ? 'empty' : a.label);
      }
    }
  });

  test('a lost message ends part way with an x', () => {
    const index = buildTraceIndex(syntheticRun(3));
    const column = new Map([0, 1, 2, 3].map((id) => [id, id]));
    const lost = visibleArrows(index, column, 200, 0).filter((a) => a.status === 'dropped');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reach).toBeGreaterThan(0);
    expect(lost[0]!.reach).toBeLessThan(1);
  });

  test('labels never overlap and stay inside', () => {
    const boxes = [
      { x: 10, y: 10, w: 50, h: 12 },
      { x: 30, y: 15, w: 50, h: 12 },
      { x: 30, y: 30, w: 50, h: 12 },
      { x: 190, y: 30, w: 50, h: 12 },
    ];
    expect(placeLabels(boxes, { x: 0, y: 0, w: 200, h: 100 })).toEqual([true, false, true, false]);
  });
});

describe('charts', () => {
  test('histogram percentile labels read as a learner expects', () => {
    expect(percentileLabel('p50', 55, 'ms')).toBe('p50 55 ms');
    expect(percentileLabel('p99', 1145.3, 'ms')).toBe('p99 1,145 ms');
  });

  test('gauge value is a step function and the axis top is a round number', () => {
    const s = { t: Float64Array.from([0, 10, 20]), v: Float64Array.from([0, 3, 1]) };
    expect(gaugeAt(s, -1)).toBeUndefined();
    expect(gaugeAt(s, 15)).toBe(3);
    expect(gaugeAt(s, 20)).toBe(1);
    expect(niceMax(0)).toBe(1);
    expect(niceMax(17)).toBe(20);
    expect(niceMax(1000)).toBe(1000);
  });
});

describe('statechart', () => {
  const graph = {
    id: 'server',
    states: [
      { path: 'idle', parent: null, type: 'atomic', initial: true },
      { path: 'holding', parent: null, type: 'atomic', initial: false },
    ],
    transitions: [
      { from: 'idle', to: 'idle', event: 'POLL', guarded: true },
      { from: 'idle', to: 'idle', event: 'POLL', guarded: false },
      { from: 'idle', to: 'holding', event: 'POLL', guarded: true },
      { from: 'holding', to: 'idle', event: 'PUBLISH', guarded: false },
      { from: 'holding', to: 'idle', event: 'always', guarded: true },
    ],
  };

  test('one box per state, initial first, parallel transitions merged, self-loop above its box', () => {
    const l = layoutStatechart(graph);
    expect(l.boxes.map((b) => b.label)).toEqual(['idle', 'holding']);
    const [idle, holding] = l.boxes;
    expect(idle!.x).toBeLessThan(holding!.x);
    expect(l.edges.map((e) => `${e.from}->${e.to}: ${e.label}`)).toEqual([
      'idle->idle: POLL',
      'idle->holding: POLL',
      'holding->idle: PUBLISH, always [guard]',
    ]);
    const loop = l.edges[0]!;
    expect(loop.ly).toBeLessThan(idle!.y);
    for (const b of l.boxes) expect(b.x + b.w).toBeLessThanOrEqual(l.width);
  });

  test('nested states sit inside their parent and light up with it', () => {
    const l = layoutStatechart({
      id: 'm',
      states: [
        { path: 'busy', parent: null, type: 'compound', initial: true },
        { path: 'busy.sending', parent: 'busy', type: 'atomic', initial: true },
        { path: 'busy.waiting', parent: 'busy', type: 'atomic', initial: false },
      ],
      transitions: [{ from: 'busy.sending', to: 'busy.waiting', event: 'SENT', guarded: false }],
    });
    const [busy, sending, waiting] = l.boxes;
    for (const kid of [sending!, waiting!]) {
      expect(kid.x).toBeGreaterThan(busy!.x);
      expect(kid.x + kid.w).toBeLessThan(busy!.x + busy!.w);
    }
    expect(isActivePath('busy', 'busy.waiting')).toBe(true);
    expect(isActivePath('busy.sending', 'busy.waiting')).toBe(false);
    expect(isActivePath('bus', 'busy.waiting')).toBe(false);
  });
});
