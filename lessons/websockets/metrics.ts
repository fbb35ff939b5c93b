import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure a WebSockets run reports. */
export const websocketsMetrics = defineMetrics({
  framesSent: { kind: 'counter', unit: 'frames', help: 'WebSocket frames, both directions' },
  bytesOnWire: { kind: 'counter', unit: 'bytes', help: 'Upgrade request and response plus every frame' },
  handshakes: { kind: 'counter', unit: 'handshakes', help: 'Completed opening handshakes' },
  messagesPosted: { kind: 'counter', unit: 'messages', help: 'Chat messages typed by tabs' },
  messagesDelivered: { kind: 'counter', unit: 'messages', help: 'Messages received by tabs' },
  messagesDropped: { kind: 'counter', unit: 'messages', help: 'Messages the server chose not to send' },
  messagesDroppedSlowClient: { kind: 'counter', unit: 'messages', help: 'Of those, for the slow client' },
  messagesDroppedHealthy: { kind: 'counter', unit: 'messages', help: 'Of those, for healthy clients' },
  healthyDisconnects: { kind: 'counter', unit: 'connections', help: 'Healthy clients closed by the server' },
  slowClientDisconnects: { kind: 'counter', unit: 'connections', help: 'Slow clients closed by the server' },
  deadPeers: {
    kind: 'counter',
    unit: 'peers',
    help: 'Clients whose network vanished while the server held their connection (0 if it died before its handshake)',
  },
  deadPeersDetected: { kind: 'counter', unit: 'peers', help: 'Dead peers the server let go' },
  deadPeersUndetected: { kind: 'counter', unit: 'peers', help: 'Dead peers still held at the end' },
  deadPeerHeldBytes: {
    kind: 'counter',
    unit: 'bytes',
    help: 'Bytes queued for a dead peer still held at the end',
  },
  pingsSent: { kind: 'counter', unit: 'pings', help: 'Ping frames sent by the server' },
  pongsReceived: { kind: 'counter', unit: 'pongs', help: 'Pong frames received by the server' },
  textFramesFromClients: { kind: 'counter', unit: 'frames', help: 'Text frames sent by tabs' },
  textBytesFromClients: { kind: 'counter', unit: 'bytes', help: 'Bytes of those frames' },
  serverMemoryBytes: { kind: 'gauge', unit: 'bytes', help: 'Connections plus send buffers' },
  openConnections: { kind: 'gauge', unit: 'connections', help: 'Connections the server holds' },
  deliveryLatencyMs: { kind: 'summary', unit: 'ms', help: 'From post to receipt, every client' },
  healthyDeliveryLatencyMs: { kind: 'summary', unit: 'ms', help: 'From post to receipt, healthy clients' },
  deadPeerDetectionMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From the network vanishing to the server closing',
  },
  clientTextFrameBytes: { kind: 'derived', unit: 'bytes', help: 'Mean bytes of a text frame from a tab' },
  healthyP99Ms: { kind: 'derived', unit: 'ms', help: 'p99 delivery latency to healthy clients' },
});
