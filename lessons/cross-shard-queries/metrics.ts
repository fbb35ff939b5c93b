import { shardLabels } from '../../src/kit/keyspace/labels';
import { defineMetrics } from '../../src/kit/metrics/table';

/** Most shards the lesson allows (the `shards` knob's max): one load series each. */
export const MAX_SHARDS = 64;

/** Every figure a cross-shard-queries run reports. */
export const crossShardMetrics = defineMetrics({
  queries: {
    kind: 'counter',
    unit: 'queries',
    help: 'Profile lookups, by user id (the shard key) and by email',
    labels: ['userId', 'email'],
  },
  queriesAnswered: { kind: 'counter', unit: 'queries', help: 'Queries every asked shard answered' },
  queriesFailed: {
    kind: 'counter',
    unit: 'queries',
    help: 'Queries a shard did not answer (down, crashed mid-query, or unreachable for 1 s)',
  },
  wrongAnswers: {
    kind: 'counter',
    unit: 'queries',
    help: "Queries answered without asking the shard holding the user's row (the row was missed)",
  },
  shardRequests: { kind: 'counter', unit: 'requests', help: 'Shard requests sent for queries (the fan-out)' },
  writes: {
    kind: 'counter',
    unit: 'writes',
    help: "Updates of a user's email, committed on the user's shard",
  },
  writesFailed: { kind: 'counter', unit: 'writes', help: "Updates lost because the user's shard was down" },
  indexWrites: {
    kind: 'counter',
    unit: 'writes',
    help: 'Index entries applied by the global index (one extra write per update)',
  },
  indexReads: { kind: 'counter', unit: 'reads', help: 'Lookups in the global index' },
  staleIndexReads: {
    kind: 'counter',
    unit: 'reads',
    help: "Index lookups that found the entry behind the user's row (a committed update not yet applied)",
  },
  queryLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From a query leaving the router to its last answer (answered queries)',
    labels: ['userId', 'email'],
  },
  indexLagMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From an update committing on its shard to the global index applying it',
  },
  indexPending: {
    kind: 'gauge',
    unit: 'updates',
    help: 'Committed updates the global index has not applied yet',
  },
  shardLoad: {
    kind: 'gauge',
    unit: '% busy',
    help: 'Share of the last half second each shard spent serving',
    labels: shardLabels(MAX_SHARDS),
    labelledOnly: true,
  },
  shardsContactedPerQuery: { kind: 'derived', unit: 'shards', help: 'shardRequests / queries' },
  staleReadFraction: { kind: 'derived', unit: 'of index reads', help: 'staleIndexReads / indexReads' },
});
