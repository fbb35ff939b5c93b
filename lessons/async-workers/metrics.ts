import { queueMetrics } from '../../src/kit/broker/metrics';
import { defineMetrics } from '../../src/kit/metrics/table';

/** Figures the lesson records itself (the work queue records its own: `queueMetrics`). */
export const workMetrics = defineMetrics({
  requests: {
    kind: 'counter',
    unit: 'requests',
    help: 'Writes that reached the API: blog posts and device readings',
    labels: ['post', 'reading'],
  },
  answered: { kind: 'counter', unit: 'requests', help: 'Requests the API answered 201/202 (accepted)' },
  publishFailures: {
    kind: 'counter',
    unit: 'requests',
    help: 'Requests answered 503 because SendMessage got no answer within 1 s (the broker link was cut)',
  },
  requestsLost: {
    kind: 'counter',
    unit: 'requests',
    help: 'Requests in the API when it crashed (the caller gets a reset connection)',
  },
  unstoredAtAnswer: {
    kind: 'counter',
    unit: 'posts',
    help: 'Blog posts answered 201 before they were stored (the author reloads and does not see the post)',
  },
  dbQueries: { kind: 'counter', unit: 'queries', help: 'Queries that reached the database' },
  dbQueriesPerSecond: {
    kind: 'gauge',
    unit: 'queries/s',
    help: 'Queries that reached the database during the last whole second',
  },
  dbLoadPeakPerSecond: {
    kind: 'counter',
    unit: 'queries/s',
    help: 'Most queries the database received in any one second of the run',
  },
  indexed: { kind: 'counter', unit: 'documents', help: 'Documents sent to the search cluster' },
  deferredDone: {
    kind: 'counter',
    unit: 'requests',
    help: 'Requests whose deferred steps the workers finished',
  },
  overdueAtEnd: {
    kind: 'counter',
    unit: 'requests',
    help: 'Requests accepted more than 30 s before the end whose deferred steps were still not done',
  },
  repeatedSteps: {
    kind: 'counter',
    unit: 'steps',
    help: 'Steps a worker ran again on a redelivered message (an UPDATE applied twice unless idempotent)',
  },
  workerCrashes: { kind: 'counter', unit: 'crashes', help: 'Workers that died (from the fault panel)' },
  workersUp: { kind: 'gauge', unit: 'workers', help: 'Workers running' },
  busyWorkers: { kind: 'gauge', unit: 'workers', help: 'Workers on a message' },
  apiLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From the request reaching the API to its answer (accepted requests)',
    labels: ['post', 'reading'],
  },
  consistencyDelayMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From the answer to the last deferred step done (0 when nothing was deferred)',
  },
  steadyApiLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'API latency of the blog posts that arrived in the calm window (after the warm-up, before the burst)',
  },
  steadyQueueWaitMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'Send to first receive of the messages sent in the calm window',
  },
  steadyBacklogArea: {
    kind: 'counter',
    unit: 'message-ms',
    help: 'Area under the backlog over the calm window',
  },
  steadyMeanBacklog: {
    kind: 'derived',
    unit: 'messages',
    help: 'Time-average backlog (visible messages) over the calm window',
  },
});

/** Every metric an async-workers run reports. */
export const asyncWorkersMetrics = defineMetrics({ ...queueMetrics, ...workMetrics });
