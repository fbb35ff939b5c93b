import type { ShardMap } from './api';

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
