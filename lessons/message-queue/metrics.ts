import { queueMetrics } from '../../src/kit/broker/metrics';
import { defineMetrics } from '../../src/kit/metrics/table';

/** Figures the lesson records itself (the queue records its own: `queueMetrics`). */
export const consumerMetrics = defineMetrics({
  processed: { kind: 'counter', unit: 'messages', help: 'Messages processed successfully at least once' },
  duplicates: {
    kind: 'counter',
    unit: 'messages',
    help: 'Successful processings of a message that had already been processed (effects applied twice)',
  },
  lost: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages deleted from the queue without ever being processed successfully',
  },
  pendingAtEnd: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages still visible, in flight or being processed when the run ended',
  },
  poisonSent: { kind: 'counter', unit: 'messages', help: 'Malformed messages sent' },
  poisonAttempts: { kind: 'counter', unit: 'attempts', help: 'Processing attempts on malformed messages' },
  poisonDeadLettered: {
    kind: 'counter',
    unit: 'messages',
    help: 'Malformed messages that reached the dead-letter queue',
  },
  poisonPending: {
    kind: 'counter',
    unit: 'messages',
    help: 'Malformed messages still in the queue (visible or in flight) when the run ended',
  },
  consumerCrashes: {
    kind: 'counter',
    unit: 'crashes',
    help: 'Consumers that died (crashAtMs or the fault panel)',
  },
  spikeDrainMs: {
    kind: 'counter',
    unit: 'ms',
    help: 'From the end of the spike until the backlog was back under 20 messages (to the end of the run if never)',
  },
  spikeDrained: {
    kind: 'counter',
    unit: '0/1',
    help: '1 if the backlog got back under 20 messages after the spike',
  },
  steadyWaited: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages of the calm window that found every consumer busy (waited > 0)',
  },
  steadyBacklogArea: {
    kind: 'counter',
    unit: 'message-ms',
    help: 'Area under the backlog over the calm window (before any crash or spike, after a 5 s warm-up)',
  },
  consumersUp: { kind: 'gauge', unit: 'consumers', help: 'Consumers running (started and not crashed)' },
  busyConsumers: { kind: 'gauge', unit: 'consumers', help: 'Consumers working on a message' },
  consumerBusyMs: { kind: 'integral', unit: 'consumer-ms', help: 'Time consumers spent processing' },
  consumerUpMs: { kind: 'integral', unit: 'consumer-ms', help: 'Time consumers were running' },
  endToEndLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From SendMessage to the end of the first successful processing',
  },
  steadyWaitMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'Queue wait (send to first receive) of the messages sent in the calm window',
  },
  consumerUtilization: { kind: 'derived', unit: 'share', help: 'consumerBusyMs / consumerUpMs' },
  steadyWaitProbability: {
    kind: 'derived',
    unit: 'share',
    help: 'Share of the calm window’s messages that had to wait for a consumer',
  },
  steadyMeanBacklog: {
    kind: 'derived',
    unit: 'messages',
    help: 'Time-average backlog over the calm window',
  },
});

/** Every metric a message-queue run reports. */
export const messageQueueMetrics = defineMetrics({ ...queueMetrics, ...consumerMetrics });
