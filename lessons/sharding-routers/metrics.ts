import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure a sharding-routers run reports. */
export const shardingMetrics = defineMetrics({
  requests: { kind: 'counter', unit: 'requests', help: 'Reads that arrived at a router' },
  requestsServed: { kind: 'counter', unit: 'requests', help: 'Reads answered by the shard owning the key' },
  misroutedRequests: {
    kind: 'counter',
    unit: 'requests',
    help: 'Hops to a shard that does not own the key (answered "wrong shard")',
  },
  requestsLost: {
    kind: 'counter',
    unit: 'requests',
    help: 'Reads never answered: shard down or unreachable, no valid shard, or no fresh map within 1 s',
  },
  mapRefreshes: {
    kind: 'counter',
    unit: 'maps',
    help: 'Shard maps routers fetched from the coordination service',
  },
  keysMoved: { kind: 'counter', unit: 'keys', help: 'Keys whose shard changed when the new shard joined' },
  busiestShardRequests: {
    kind: 'counter',
    unit: 'requests',
    help: 'Reads served by the busiest shard under the final map',
  },
  meanShardRequests: {
    kind: 'counter',
    unit: 'requests',
    help: 'Reads served per shard under the final map, mean',
  },
  shardKeysStd: {
    kind: 'counter',
    unit: 'keys',
    help: 'Standard deviation of keys per shard under the final map',
  },
  shardsAtEnd: { kind: 'counter', unit: 'shards', help: 'Shards in the map in force at the end' },
  keysToMove: { kind: 'gauge', unit: 'keys', help: 'Keys still being copied to their new shard' },
  staleRouters: {
    kind: 'gauge',
    unit: 'routers',
    help: 'Routers holding an older map than the committed one',
  },
  requestLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From a read reaching a router to its answer coming back (retries included)',
  },
  loadImbalance: { kind: 'derived', unit: '× mean', help: 'busiestShardRequests / meanShardRequests' },
  keysMovedFraction: { kind: 'derived', unit: 'of keys', help: 'keysMoved / keys' },
  keyShareSpread: {
    kind: 'derived',
    unit: 'relative std',
    help: 'shardKeysStd / mean keys per shard (how unevenly the keys are spread)',
  },
});
