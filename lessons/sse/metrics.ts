import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure an SSE run reports. */
export const sseMetrics = defineMetrics({
  eventsPublished: { kind: 'counter', unit: 'events', help: 'Events appended to the log' },
  eventsDelivered: { kind: 'counter', unit: 'deliveries', help: 'Events received by tabs, in order, once' },
  eventsLost: {
    kind: 'counter',
    unit: 'events',
    help: 'Events a subscribed tab never got: a gap in the ids it saw, or published while it waited for a connection and never sent to it',
  },
  eventsDuplicated: { kind: 'counter', unit: 'events', help: 'Events a tab received twice' },
  eventsReplayed: { kind: 'counter', unit: 'events', help: 'Events resent after a Last-Event-ID' },
  reconnects: { kind: 'counter', unit: 'reconnects', help: 'Reconnection attempts by tabs' },
  connectionDrops: { kind: 'counter', unit: 'drops', help: 'Connections dropped by the network' },
  reconnectPeakPerSecond: {
    kind: 'counter',
    unit: 'reconnects/s',
    help: 'Most reconnects within any one second',
  },
  tabsStarved: {
    kind: 'counter',
    unit: 'tabs',
    help: 'Tabs still waiting for a connection at the end of the run (HTTP/1.1: 6 per origin)',
  },
  openConnections: { kind: 'gauge', unit: 'connections', help: 'TCP connections open to the server' },
  openStreams: { kind: 'gauge', unit: 'streams', help: 'Event streams open' },
  pendingStreams: { kind: 'gauge', unit: 'streams', help: 'Streams waiting for a connection' },
  setupQueue: { kind: 'gauge', unit: 'requests', help: 'Stream setups queued on the server' },
  deliveryLatencyMs: { kind: 'summary', unit: 'ms', help: 'From publication to the tab' },
});
