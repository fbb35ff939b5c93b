import type { JoinPlan, ShardMap } from './api';

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

export function planJoin(map: ShardMap, newShard: number): JoinPlan {
  if (map.router === 'range') {
    // Split the widest range; the new shard takes its upper half (1/(2N) of the keys move).
    const ends = [...Array.from(map.rangeStarts).slice(1), map.keys];
    let w = 0;
    for (let i = 1; i < ends.length; i++)
      if (ends[i]! - map.rangeStarts[i]! > ends[w]! - map.rangeStarts[w]!) w = i;
    const starts = Array.from(map.rangeStarts);
    const owners = Array.from(map.rangeOwners);
    starts.splice(w + 1, 0, Math.ceil((starts[w]! + ends[w]!) / 2));
    owners.splice(w + 1, 0, newShard);
    return { rangeStarts: starts, rangeOwners: owners };
  }
  // Directory: the new shard takes its fair share, ⌊Q/(N+1)⌋ chunks, one at a time from the
  // shard holding the most (its last chunk); no other chunk moves.
  const owners = Array.from(map.chunkOwners);
  const held = new Array<number>(newShard + 1).fill(0);
  for (const o of owners) held[o]!++;
  const take = Math.floor(owners.length / (newShard + 1));
  for (let t = 0; t < take; t++) {
    let donor = 0;
    for (let s = 1; s < newShard; s++) if (held[s]! > held[donor]!) donor = s;
    owners[owners.lastIndexOf(donor)] = newShard;
    held[donor]!--;
    held[newShard]!++;
  }
  return { chunkOwners: owners };
}
