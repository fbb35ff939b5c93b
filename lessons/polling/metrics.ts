import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure a polling run reports. */
export const pollingMetrics = defineMetrics({
  requests: { kind: 'counter', unit: 'requests', help: 'Polls sent by all clients' },
  emptyResponses: { kind: 'counter', unit: 'responses', help: 'Answers that carried no update' },
  failedRequests: { kind: 'counter', unit: 'requests', help: 'Polls refused or reset (server down)' },
  eventsDelivered: { kind: 'counter', unit: 'deliveries', help: 'Updates received, summed over clients' },
  updatesPublished: { kind: 'counter', unit: 'updates', help: 'Updates published on the feed' },
  bytesOnWire: {
    kind: 'counter',
    unit: 'bytes',
    help: 'HTTP headers of every round trip plus update payloads',
  },
  openRequests: { kind: 'gauge', unit: 'requests', help: 'Long-poll requests held open on the server' },
  deliveryLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From publication to the client having the update',
  },
  requestsPerUpdate: { kind: 'derived', unit: 'requests', help: 'requests / eventsDelivered' },
});
