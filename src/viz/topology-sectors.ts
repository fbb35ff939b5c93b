import type { ActorInfo } from '../engine/sim';

/**
 * Several servers in one topology (one per feature, shard or replica): each server's
 * clients sit together in a sector of the ring, and the server faces its sector.
 */

/** Which hub each client talks to most (by messages exchanged), or -1. */
export function homeHubs(hubs: readonly ActorInfo[], links: readonly LinkWeight[]): Map<number, number> {
  const hubIds = new Set(hubs.map((h) => h.id));
  const best = new Map<number, { hub: number; count: number }>();
  for (const l of links) {
    const [client, hub] = hubIds.has(l.a) ? [l.b, l.a] : hubIds.has(l.b) ? [l.a, l.b] : [-1, -1];
    // A link between two hubs (router and coordinator) gives neither a home: both sit on the inner ring.
    if (client < 0 || hubIds.has(client)) continue;
    const cur = best.get(client);
    if (!cur || l.count > cur.count) best.set(client, { hub, count: l.count });
  }
  return new Map([...best].map(([c, v]) => [c, v.hub]));
}

export interface LinkWeight {
  a: number;
  b: number;
  count: number;
}

/** Each server on an inner ring, facing the middle of its own clients' sector. */
export function sectorHubPositions(
  hubs: readonly ActorInfo[],
  home: Map<number, number>,
  angle: Map<number, number>,
  cx: number,
  cy: number,
  r: number,
): Map<number, { x: number; y: number }> {
  const out = new Map<number, { x: number; y: number }>();
  hubs.forEach((h, i) => {
    const mine = [...home].filter(([, hub]) => hub === h.id).map(([c]) => angle.get(c) as number);
    // Mean direction of the sector (vector mean copes with the wrap at 2 pi).
    const th = mine.length
      ? Math.atan2(
          mine.reduce((s, t) => s + Math.sin(t), 0),
          mine.reduce((s, t) => s + Math.cos(t), 0),
        )
      : (2 * Math.PI * i) / hubs.length;
    out.set(h.id, { x: cx + r * Math.cos(th), y: cy + r * Math.sin(th) });
  });
  return out;
}
