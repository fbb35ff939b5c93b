import { defineMetrics } from '../metrics/table';

/**
 * What a message queue records. A lesson spreads this table into its own
 * (`defineMetrics({ ...queueMetrics, ... })`) so goals, views and theory name these
 * figures with checked names; the queue writes them through its own MetricWriter.
 */
export const queueMetrics = defineMetrics({
  messagesSent: { kind: 'counter', unit: 'messages', help: 'Messages stored by the queue (SendMessage)' },
  receives: { kind: 'counter', unit: 'receives', help: 'Deliveries to a consumer, redeliveries included' },
  redeliveries: {
    kind: 'counter',
    unit: 'receives',
    help: 'Deliveries of a message that had been received before (ReceiveCount > 1)',
  },
  visibilityExpiries: {
    kind: 'counter',
    unit: 'messages',
    help: 'Times a received message was not deleted within its visibility timeout and reappeared',
  },
  acked: { kind: 'counter', unit: 'messages', help: 'Messages deleted by a consumer (DeleteMessage / ack)' },
  staleDeletes: {
    kind: 'counter',
    unit: 'requests',
    help: 'Deletes with an outdated receipt (the message had been received again since): nothing deleted',
  },
  deadLettered: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages moved to the dead-letter queue after maxReceiveCount receives',
  },
  backlog: { kind: 'gauge', unit: 'messages', help: 'Visible messages waiting for a consumer' },
  backlogMs: {
    kind: 'integral',
    unit: 'message-ms',
    help: 'Area under the backlog: divided by the time, the mean number waiting (Little: λ·Wq)',
  },
  inFlight: { kind: 'gauge', unit: 'messages', help: 'Received, not yet deleted (invisible)' },
  queueDepth: {
    kind: 'gauge',
    unit: 'messages',
    help: 'Messages stored and not yet deleted or dead-lettered: visible plus in flight',
  },
  deadLetterDepth: { kind: 'gauge', unit: 'messages', help: 'Messages in the dead-letter queue' },
  queueWaitMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From SendMessage to the first receive (time waiting in the queue)',
  },
});

export type QueueMetrics = typeof queueMetrics;
