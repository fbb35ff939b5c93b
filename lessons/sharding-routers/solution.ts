import type { ShardMap } from './api';

/** The index of the first element >= x in a sorted list (its length if none). */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function route(key: number, map: ShardMap): number {
  switch (map.router) {
    case 'range': {
      // The last range starting at or before the key.
      const i = lowerBound(map.rangeStarts, key + 1) - 1;
      return map.rangeOwners[Math.max(0, i)]!;
    }
    case 'directory':
      return map.chunkOwners[map.chunkOf(key)]!;
    case 'consistent': {
      // Walk clockwise from the key's hash to the next point; past the last point, wrap to the first.
      const i = lowerBound(map.ringPoints, map.hash(key));
      return map.ringOwners[i === map.ringPoints.length ? 0 : i]!;
    }
    case 'hash-mod':
      return map.hash(key) % map.shards;
  }
}
