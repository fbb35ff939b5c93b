import { defineMetrics } from '../../src/kit/metrics/table';

/** The three features: each figure is kept per feature and in total. */
export const FEATURES = ['ticker', 'chat', 'notifications'] as const;

const perFeature = { labels: FEATURES } as const;
const featureOnly = { labels: FEATURES, labelledOnly: true } as const;

/** Every figure a realtime-compare run reports. */
export const realtimeMetrics = defineMetrics({
  technique: {
    kind: 'counter',
    unit: 'index',
    help: 'Technique used (0 short, 1 long, 2 SSE, 3 WebSocket)',
    ...featureOnly,
  },
  requests: { kind: 'counter', unit: 'requests', help: 'HTTP requests', ...perFeature },
  handshakes: {
    kind: 'counter',
    unit: 'connections',
    help: 'New connections (TCP + TLS handshakes)',
    ...perFeature,
  },
  handshakeRoundTrips: {
    kind: 'counter',
    unit: 'round trips',
    help: 'Round trips spent on handshakes',
    ...perFeature,
  },
  handshakeBytes: {
    kind: 'counter',
    unit: 'bytes',
    help: 'TCP and TLS handshake flights (and FINs)',
    ...perFeature,
  },
  bytesOnWire: {
    kind: 'counter',
    unit: 'bytes',
    help: 'Handshakes, headers, framing and payload',
    ...perFeature,
  },
  headerBytes: { kind: 'counter', unit: 'bytes', help: 'HTTP headers and stream framing', ...perFeature },
  payloadBytes: { kind: 'counter', unit: 'bytes', help: 'Payload bytes', ...perFeature },
  updatesPublished: { kind: 'counter', unit: 'updates', help: 'Updates published', ...perFeature },
  updatesSent: { kind: 'counter', unit: 'updates', help: 'Updates sent to pages', ...perFeature },
  updatesDelivered: { kind: 'counter', unit: 'updates', help: 'Updates received by pages', ...perFeature },
  messagesSent: { kind: 'counter', unit: 'messages', help: 'Messages pages sent upstream', ...perFeature },
  upstreamOverheadBytes: {
    kind: 'counter',
    unit: 'bytes',
    help: 'Headers or framing of upstream messages',
    ...perFeature,
  },
  emptyResponses: {
    kind: 'counter',
    unit: 'responses',
    help: 'Poll answers with nothing new',
    ...perFeature,
  },
  connectionMs: { kind: 'integral', unit: 'connection-ms', help: 'Connections held × time', ...featureOnly },
  openConnections: {
    kind: 'gauge',
    unit: 'connections',
    help: 'Connections open on the servers',
    ...perFeature,
  },
  serverMemoryBytes: { kind: 'gauge', unit: 'bytes', help: 'Memory of open connections', ...perFeature },
  deliveryLatencyMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'Publish or post to page',
    labelledAs: 'latencyMs',
    ...perFeature,
  },
  bytesPerUpdate: { kind: 'derived', unit: 'bytes', help: 'bytesOnWire / updatesDelivered', ...featureOnly },
  requestsPerUpdate: {
    kind: 'derived',
    unit: 'requests',
    help: 'requests / updatesDelivered',
    ...featureOnly,
  },
  requestsPerUser: { kind: 'derived', unit: 'requests', help: 'requests / users', ...featureOnly },
  handshakesPerUser: { kind: 'derived', unit: 'connections', help: 'handshakes / users', ...featureOnly },
  connectionsPerUser: {
    kind: 'derived',
    unit: 'connections',
    help: 'Mean connections held per user',
    ...featureOnly,
  },
  memoryPerUserBytes: { kind: 'derived', unit: 'bytes', help: 'Mean server memory per user', ...featureOnly },
  roundTripsPerHandshake: { kind: 'derived', unit: 'round trips', help: 'handshakeRoundTrips / handshakes' },
  chatUpstreamOverheadPerMessage: {
    kind: 'derived',
    unit: 'bytes',
    help: 'Headers or framing per chat message sent',
  },
});
