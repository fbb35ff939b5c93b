import { hash32, HASH_SPACE } from './hash';
import { DIRECTORY_CHUNKS, ownerOf, ringOwner, type ShardMapData } from './routers';

/**
 * A shard map laid out on a circle for the ring view, as a snapshot (src/engine/snapshots.ts):
 * arc i runs from ends[i−1] (ends[last] − 1 for the first, wrapping) to ends[i], as fractions
 * of the circle, and belongs to shard owners[i]. Hashed schemes are drawn in hash space (a
 * key sits at hash32(key) / 2^32): the ring's points, or the directory's chunks; key ranges
 * in key space (key / keys). `changed[i]` is 1 where the arc's owner differs from the map
 * before (the keys that moved), `total[0]` the arcs the map has before any sampling, and
 * `layout[0]` what an arc is: ARC_POINT (a ring point: a virtual node), ARC_CHUNK or ARC_RANGE.
 */
export interface RingViewArrays {
  [name: string]: Float64Array | Uint8Array | Uint32Array;
  ends: Float64Array;
  owners: Uint8Array;
  changed: Uint8Array;
  total: Uint32Array;
  layout: Uint8Array;
}

/** What one arc of the ring view stands for (the view names them). */
export const ARC_POINT = 1;
export const ARC_CHUNK = 2;
export const ARC_RANGE = 3;
const LAYOUT = { consistent: ARC_POINT, directory: ARC_CHUNK, range: ARC_RANGE } as const;

/**
 * Arcs the view data holds at most: 64 shards × 1,000 virtual nodes is 64,000 points, too
 * many to hand to the page or to draw, so a larger ring is sampled down to every k-th point
 * (the view says "1 in k"). A sampled point keeps its true position and owner.
 */
export const RING_VIEW_MAX_ARCS = 4096;

function arcEnds(m: ShardMapData): { ends: Float64Array; owners: Uint8Array } | undefined {
  switch (m.kind) {
    case 'consistent':
      return { ends: Float64Array.from(m.points, (p) => p / HASH_SPACE), owners: m.owners };
    case 'directory':
      return {
        ends: Float64Array.from({ length: DIRECTORY_CHUNKS }, (_, c) => (c + 1) / DIRECTORY_CHUNKS),
        owners: m.owners,
      };
    case 'range':
      return {
        ends: Float64Array.from(
          m.starts,
          (_, i) => (i + 1 < m.starts.length ? m.starts[i + 1]! : m.keys) / m.keys,
        ),
        owners: m.owners,
      };
    case 'hash-mod':
      // Hash mod N has no arcs: consecutive hash values go to different shards.
      return undefined;
  }
}

/** The owner, under `m`, of the arc that ends at circle position x (for `changed`). */
function ownerAt(m: ShardMapData, x: number): number {
  switch (m.kind) {
    case 'consistent':
      // Hash x·2^32 is the arc's last position; the first point at or after it owns it.
      return ringOwner(m, Math.min(HASH_SPACE - 1, Math.round(x * HASH_SPACE)));
    case 'directory':
      return m.owners[Math.max(0, Math.round(x * DIRECTORY_CHUNKS) - 1)]!;
    case 'range':
      // The arc's last key.
      return ownerOf(m, Math.max(0, Math.round(x * m.keys) - 1));
    case 'hash-mod':
      return -1;
  }
}

/**
 * The ring view's data for a map (undefined for hash mod N), marking the arcs whose owner
 * differs from `before` (same scheme) and sampling down to RING_VIEW_MAX_ARCS arcs.
 */
export function ringViewData(m: ShardMapData, before?: ShardMapData): RingViewArrays | undefined {
  const all = arcEnds(m);
  if (!all) return undefined;
  const n = all.ends.length;
  const step = Math.ceil(n / RING_VIEW_MAX_ARCS);
  const kept = Math.ceil(n / step);
  const ends = new Float64Array(kept);
  const owners = new Uint8Array(kept);
  const changed = new Uint8Array(kept);
  for (let j = 0; j < kept; j++) {
    const i = j * step;
    ends[j] = all.ends[i]!;
    owners[j] = all.owners[i]!;
    if (before && before.kind === m.kind) changed[j] = ownerAt(before, ends[j]!) === owners[j] ? 0 : 1;
  }
  const layout = Uint8Array.of(m.kind === 'hash-mod' ? 0 : LAYOUT[m.kind]);
  return { ends, owners, changed, total: Uint32Array.of(n), layout };
}

/**
 * Where keys sit on the ring view of map `m`: hash32(key) / 2^32 for hashed schemes (hash
 * mod N included: the ring view of its hash space), key / keys for key ranges. Published
 * beside the arcs as `hotAt` with their shares of requests as `hotShare`, the view marks
 * the hottest keys: a hot range shows as marks bunched on one arc.
 */
export function keyPositions(m: ShardMapData, keys: readonly number[]): Float64Array {
  return Float64Array.from(keys, (k) => (m.kind === 'range' ? k / m.keys : hash32(k) / HASH_SPACE));
}
