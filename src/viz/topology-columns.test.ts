import { describe, expect, test } from 'vitest';
import type { ActorInfo } from '../engine/sim';
import { isEdgeActor, layoutTopology, type NodeLayout } from './topology-layout';

/** Distance from a point to a segment. */
function toSegment(p: NodeLayout, a: NodeLayout, b: NodeLayout): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/** Links drawn through a node that is neither of their ends, as "a-b through c". */
function linksThroughNodes(
  actors: readonly ActorInfo[],
  links: { a: number; b: number; count: number }[],
  width: number,
  height: number,
): string[] {
  const { nodes } = layoutTopology(actors, width, height, links);
  const name = (id: number) => actors.find((a) => a.id === id)!.name;
  const out: string[] = [];
  for (const l of links)
    for (const n of nodes.values())
      if (n.id !== l.a && n.id !== l.b && toSegment(n, nodes.get(l.a)!, nodes.get(l.b)!) < n.r + 2)
        out.push(`${name(l.a)}-${name(l.b)} through ${name(n.id)}`);
  return out;
}

/** A core node's name and state as a box (12 px bold name, about 8 px a character; state 13 px under it). */
function labelBox(n: NodeLayout, name: string) {
  const w = name.length * 8;
  const left = n.anchor === 'middle' ? n.lx - w / 2 : n.anchor === 'end' ? n.lx - w : n.lx;
  return { left, right: left + w, top: n.ly - 10, bottom: n.ly + 16 };
}

/** Pairs of core actors' labels that overlap each other, or a label over another node. */
function clashes(
  actors: readonly ActorInfo[],
  width: number,
  height: number,
  links: { a: number; b: number; count: number }[],
) {
  const { nodes } = layoutTopology(actors, width, height, links);
  const hubs = actors.filter((a) => nodes.get(a.id)!.hub);
  const out: string[] = [];
  for (const a of hubs) {
    const p = labelBox(nodes.get(a.id)!, a.name);
    for (const b of actors) {
      if (b === a) continue;
      const n = nodes.get(b.id)!;
      const q = n.hub ? labelBox(n, b.name) : undefined;
      if (
        q &&
        hubs.indexOf(b) > hubs.indexOf(a) &&
        p.left < q.right &&
        q.left < p.right &&
        p.top < q.bottom &&
        q.top < p.bottom
      )
        out.push(`${a.name} / ${b.name}`);
      if (p.left < n.x + n.r && n.x - n.r < p.right && p.top < n.y + n.r && n.y - n.r < p.bottom)
        out.push(`${a.name} over node ${b.name}`);
    }
  }
  return out;
}

describe('core columns', () => {
  test('a topology of edge actors only (no core yet) is laid out, not a crash', () => {
    const clients: ActorInfo[] = [1, 2, 3].map((id) => ({ id, name: `client-${id}`, kind: 'client' }));
    for (const [w, h] of [
      [390, 300],
      [1280, 420],
    ] as const) {
      expect(layoutTopology([], w, h, []).nodes.size).toBe(0);
      expect(layoutTopology(clients, w, h, []).nodes.size).toBe(3);
    }
  });

  test('a database is part of the core, not an edge actor like a browser tab', () => {
    const counts = new Map([['database', 1]]);
    expect(isEdgeActor(counts, 'database')).toBe(false);
    expect(isEdgeActor(counts, 'tab')).toBe(true);
    expect(isEdgeActor(counts, 'browserTab')).toBe(true);
    expect(isEdgeActor(counts, 'clients')).toBe(true);
  });

  // producer -> broker -> consumer -> database, spawned producer, broker, database, consumer.
  const pipeline: ActorInfo[] = [
    { id: 0, name: 'producer', kind: 'producer' },
    { id: 1, name: 'broker', kind: 'broker' },
    { id: 2, name: 'database', kind: 'database' },
    { id: 3, name: 'consumer', kind: 'consumer' },
  ];
  const pipelineLinks = [
    { a: 0, b: 1, count: 500 },
    { a: 3, b: 1, count: 300 },
    { a: 3, b: 2, count: 300 },
  ];

  test.each([
    [500, 290],
    [366, 420],
    [800, 560],
  ])('at %i×%i px no link of a pipeline is drawn through a node', (w, h) => {
    expect(linksThroughNodes(pipeline, pipelineLinks, w, h)).toEqual([]);
  });

  test('columns follow the hops from the producer, whatever order the kinds were spawned in', () => {
    const { nodes } = layoutTopology(pipeline, 500, 290, pipelineLinks);
    const x = (id: number) => nodes.get(id)!.x;
    expect(x(0)).toBeLessThan(x(1));
    expect(x(1)).toBeLessThan(x(3));
    expect(x(3)).toBeLessThan(x(2));
  });

  test('two stores in a middle column keep their names under their nodes', () => {
    const actors: ActorInfo[] = [
      { id: 0, name: 'authors', kind: 'client' },
      { id: 1, name: 'api', kind: 'api' },
      { id: 2, name: 'database', kind: 'store' },
      { id: 3, name: 'search', kind: 'store' },
      { id: 4, name: 'queue', kind: 'queue' },
    ];
    const { nodes } = layoutTopology(actors, 500, 290);
    for (const id of [2, 3]) expect(nodes.get(id)!.anchor).toBe('middle');
  });

  test.each([366, 430, 500])(
    'at %i px wide the core names of a pipeline and of an API with workers stay clear',
    (w) => {
      expect(clashes(pipeline, w, 290, pipelineLinks)).toEqual([]);
      const api: ActorInfo[] = [
        { id: 0, name: 'authors', kind: 'client' },
        { id: 1, name: 'devices', kind: 'client' },
        { id: 2, name: 'api', kind: 'api' },
        { id: 3, name: 'database', kind: 'store' },
        { id: 4, name: 'search', kind: 'store' },
        { id: 5, name: 'queue', kind: 'queue' },
        ...Array.from({ length: 6 }, (_, i) => ({ id: 6 + i, name: `worker-${i + 1}`, kind: 'worker' })),
      ];
      const links = [
        { a: 0, b: 2, count: 9 },
        { a: 1, b: 2, count: 9 },
        { a: 2, b: 3, count: 9 },
        { a: 2, b: 4, count: 9 },
        { a: 2, b: 5, count: 9 },
        ...Array.from({ length: 6 }, (_, i) => ({ a: 5, b: 6 + i, count: 9 })),
      ];
      expect(clashes(api, w, 290, links)).toEqual([]);
    },
  );
});
