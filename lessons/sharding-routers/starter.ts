import type { JoinPlan, ShardMap } from './api';

// Called for every read at a router, and by the shards to check they own a key.
// Return the shard (0 .. map.shards - 1) that holds `key`.
export function route(key: number, map: ShardMap): number {
  switch (map.router) {
    case 'range': {
      // The last range that starts at or before the key (there are few ranges: scan them).
      let i = 0;
      while (i + 1 < map.rangeStarts.length && map.rangeStarts[i + 1]! <= key) i++;
      return map.rangeOwners[i]!;
    }
    case 'directory':
      return map.chunkOwners[map.chunkOf(key)]!;
    default:
      // 'hash-mod', and for now 'consistent' too: hash the key, modulo the number of shards.
      return map.hash(key) % map.shards;
  }
}

// Called once when shard `newShard` joins a range or directory map: the table the map has
// afterwards. Every key whose shard changes is copied over while the join lasts.
export function planJoin(map: ShardMap, newShard: number): JoinPlan {
  if (map.router === 'range') {
    // Split the widest range in two; the new shard takes its upper half.
    const ends = [...Array.from(map.rangeStarts).slice(1), map.keys];
    let w = 0;
    for (let i = 1; i < ends.length; i++)
      if (ends[i]! - map.rangeStarts[i]! > ends[w]! - map.rangeStarts[w]!) w = i;
    const mid = Math.ceil((map.rangeStarts[w]! + ends[w]!) / 2);
    const starts = Array.from(map.rangeStarts);
    const owners = Array.from(map.rangeOwners);
    starts.splice(w + 1, 0, mid);
    owners.splice(w + 1, 0, newShard);
    return { rangeStarts: starts, rangeOwners: owners };
  }
  // Directory: deal the chunks out again, round-robin over every shard, the new one included.
  return { chunkOwners: Array.from(map.chunkOwners, (_, c) => c % (newShard + 1)) };
}
