import type { Cluster, Plan, Query } from './api';

export function planQuery(query: Query, cluster: Cluster): Plan {
  // The shard key names its shard: one shard, no fan-out.
  if (query.by === 'userId') return { kind: 'shards', shards: [cluster.shardOf(query.userId)] };
  // By email: the global index names the row's shard (two shards in all), if one is kept...
  if (cluster.globalIndex) return { kind: 'index' };
  // ... otherwise only every shard's local index can answer: scatter-gather.
  const all: number[] = [];
  for (let s = 0; s < cluster.shards; s++) all.push(s);
  return { kind: 'shards', shards: all };
}
