import { shardLabels } from '../../src/kit/keyspace/labels';
import { defineMetrics } from '../../src/kit/metrics/table';

/** The shards knob's max plus the one that joins: one series each for the ring and the load bars. */
const SHARD_LABELS = shardLabels(65);

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
  shardKeys: {
    kind: 'gauge',
    unit: 'keys',
    help: 'Keys each shard holds under the committed map (the ring view)',
    labels: SHARD_LABELS,
    labelledOnly: true,
  },
  keysMoving: {
    kind: 'gauge',
    unit: 'keys',
    help: 'Keys still being copied into (+) or out of (−) each shard',
    labels: SHARD_LABELS,
    labelledOnly: true,
  },
  shardLoad: {
    kind: 'gauge',
    unit: 'reads/s',
    help: 'Reads each shard served over the last half second, per second',
    labels: SHARD_LABELS,
    labelledOnly: true,
  },
  mapVersion: { kind: 'gauge', unit: 'version', help: 'The committed shard map version' },
  routerMapVersion: {
    kind: 'gauge',
    unit: 'version',
    help: 'The map version each router holds',
    labels: ['r1', 'r2', 'r3'],
    labelledOnly: true,
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
