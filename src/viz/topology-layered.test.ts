import { describe, expect, it } from 'vitest';
import { layoutTopology } from './topology-layout';

const actor = (id: number, name: string, kind: string) => ({ id, name, kind });
const sharded = [
  actor(0, 'coordinator', 'coordinator'),
  ...[1, 2, 3].map((i) => actor(i, `router-${i}`, 'router')),
  ...Array.from({ length: 17 }, (_, s) => actor(10 + s, `shard-${s}`, 'shard')),
];

/** A core node's label box as drawn under it: about 7.4 px a character at 12 px bold, two lines. */
function hubLabel(n: { lx: number; ly: number }, name: string) {
  const w = name.length * 7.4;
  return { x0: n.lx - w / 2, x1: n.lx + w / 2, y0: n.ly - 11, y1: n.ly + 16 };
}

describe('layered topology (routers above many shards)', () => {
  for (const [width, height] of [
    [430, 215],
    [366, 230],
    [700, 300],
  ] as const)
    it(`keeps core labels whole and uncovered at ${width}×${height}`, () => {
      const { nodes } = layoutTopology(sharded, width, height);
      const hubs = sharded.slice(0, 4);
      const boxes = hubs.map((h) => hubLabel(nodes.get(h.id)!, h.name));
      for (const b of boxes) {
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(width);
      }
      boxes.forEach((a, i) =>
        boxes
          .slice(i + 1)
          .forEach((b) => expect(a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0).toBe(true)),
      );
      // No shard circle touches a core label.
      for (const s of sharded.slice(4)) {
        const n = nodes.get(s.id)!;
        for (const b of boxes)
          expect(n.x + n.r <= b.x0 || n.x - n.r >= b.x1 || n.y + n.r <= b.y0 || n.y - n.r >= b.y1).toBe(true);
        expect(n.y + n.r).toBeLessThanOrEqual(height);
      }
    });
});
