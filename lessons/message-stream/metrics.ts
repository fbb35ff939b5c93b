import { defineMetrics } from '../../src/kit/metrics/table';
import { GROUPS, PARTITION_LABELS } from './constants';

/** Every figure a message-stream run reports. Per group: `blog…`, `search…`; per partition: `p0…`. */
export const messageStreamMetrics = defineMetrics({
  recordsProduced: { kind: 'counter', unit: 'records', help: 'Records appended to the topic' },
  records: {
    kind: 'counter',
    unit: 'records',
    help: 'Records appended to each partition',
    labels: PARTITION_LABELS,
    labelledOnly: true,
  },
  processed: {
    kind: 'counter',
    unit: 'records',
    help: 'Records a group processed for the first time',
    labels: GROUPS,
    labelledOnly: true,
  },
  duplicates: {
    kind: 'counter',
    unit: 'records',
    help: 'Records processed again after a rebalance: done after the last committed offset, then redone by the next owner',
    labels: GROUPS,
  },
  recordsReplayed: {
    kind: 'counter',
    unit: 'records',
    help: 'Records processed again after a group rewound',
  },
  orderingViolations: {
    kind: 'counter',
    unit: 'records',
    help: "Records processed (first time) after a later record of the same key: out of the author's publish order",
    labels: GROUPS,
  },
  rebalances: {
    kind: 'counter',
    unit: 'rebalances',
    help: 'Rebalances after a group first formed (a member evicted, joined or rejoined)',
    labels: GROUPS,
  },
  orphanedPartitions: {
    kind: 'counter',
    unit: 'partitions',
    help: 'Partitions an assignment gave to no member while the group had members (summed over rebalances)',
  },
  recordsExpiredUnread: {
    kind: 'counter',
    unit: 'records',
    help: 'Records retention deleted before at least one group had processed them',
  },
  idleConsumers: {
    kind: 'counter',
    unit: 'consumers',
    help: 'Members running at the end with no partition assigned, both groups together',
  },
  consumerCrashes: {
    kind: 'counter',
    unit: 'crashes',
    help: 'Consumers that died (crashAtMs or the fault panel)',
  },
  lagAtEnd: {
    kind: 'counter',
    unit: 'records',
    help: 'Records a group had still to process when the run ended',
    labels: GROUPS,
    labelledOnly: true,
  },
  steadyProcessed: {
    kind: 'counter',
    unit: 'records',
    help: 'Records the blog-count group finished in the calm window (after the warm-up, before any replay)',
  },
  steadyLagPeak: {
    kind: 'counter',
    unit: 'records',
    help: "Largest lag of the blog-count group over the calm window (after the first join's pause)",
  },
  steadyLagArea: {
    kind: 'counter',
    unit: 'record-ms',
    help: "Area under the blog-count group's lag over the calm window",
  },
  logStart: {
    kind: 'gauge',
    unit: 'offset',
    help: 'First offset still kept in each partition (retention moves it)',
    labels: PARTITION_LABELS,
    labelledOnly: true,
  },
  logEnd: {
    kind: 'gauge',
    unit: 'offset',
    help: 'End offset of each partition (the offset the next record gets)',
    labels: PARTITION_LABELS,
    labelledOnly: true,
  },
  blogCommitted: {
    kind: 'gauge',
    unit: 'offset',
    help: "The blog-count group's committed offset in each partition (next record to read)",
    labels: PARTITION_LABELS,
    labelledOnly: true,
  },
  searchCommitted: {
    kind: 'gauge',
    unit: 'offset',
    help: "The search-indexing group's committed offset in each partition",
    labels: PARTITION_LABELS,
    labelledOnly: true,
  },
  partitionCount: { kind: 'gauge', unit: 'partitions', help: 'Partitions of the topic' },
  groupLag: {
    kind: 'gauge',
    unit: 'records',
    help: "Records appended but not yet processed by a group, all partitions together (the group's backlog)",
    labels: GROUPS,
    labelledOnly: true,
  },
  consumerLag: {
    kind: 'gauge',
    unit: 'records',
    help: "Largest lag of one partition behind its end, in either group (Kafka's records-lag-max)",
  },
  rebalancing: {
    kind: 'gauge',
    unit: 'groups',
    help: 'Groups in a rebalance (stopped) now',
    labels: GROUPS,
  },
  latencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From append to the end of its first processing',
    labels: GROUPS,
    labelledOnly: true,
  },
  steadyLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'Append to processed, blog-count group, records appended in the calm window',
  },
  throughputPerSecond: {
    kind: 'derived',
    unit: 'records/s',
    help: 'Records the blog-count group processed per second over the calm window',
  },
  steadyMeanLag: {
    kind: 'derived',
    unit: 'records',
    help: "Time-average of the blog-count group's lag over the calm window",
  },
  hotPartitionShare: {
    kind: 'derived',
    unit: 'share',
    help: 'Share of all records that went to the busiest partition',
  },
});
