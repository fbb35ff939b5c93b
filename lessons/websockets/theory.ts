import type { MetricKey } from '../../src/kit/metrics/table';
import { frameBytes } from '../../src/kit/protocol/websocket';
import { TCP_GIVE_UP_MS } from '../../src/kit/transport/tcp';
import type { ParamsOf } from '../../src/lesson/params';
import type { TheoryClaim } from '../../src/lesson/types';
import type { websocketsParams } from './index';
import type { websocketsMetrics } from './metrics';
import { HEALTHY_BYTES_PER_MS, healthyClients } from './roles';

type Params = ParamsOf<typeof websocketsParams>;
type Claim = TheoryClaim<Params, MetricKey<typeof websocketsMetrics>>;

/** Mean one-way latency: jitter adds uniform [0, 0.1 L). */
const meanLatency = (p: Params) => 1.05 * p.latencyMs;

export const websocketsTheory: Claim[] = [
  {
    metric: 'clientTextFrameBytes',
    title: 'Bytes of a text frame from a tab',
    formula: 'payload + 2 (≤ 125 B), 4 (≤ 65,535 B) or 10 header bytes + 4 masking key',
    why: 'RFC 6455 §5.2 sizes the length field by the payload; §5.3 makes every client-to-server frame carry a 4-byte masking key.',
    unit: 'bytes',
    predict: (p) => frameBytes(p.messageBytes, true),
    tolerance: { absolute: 0 },
  },
  {
    metric: 'healthyP99Ms',
    title: 'Delivery delay to healthy tabs (p99)',
    formula: '≈ 2 · L · 1.1 + frame / bandwidth',
    why: 'A message crosses two links (tab to server, server to tab), each L plus jitter below 0.1 L, and waits its own transmission at 10 Mbit/s. Holds while the room uses under a tenth of a healthy link, so nothing queues.',
    unit: 'ms',
    predict: (p) =>
      healthyClients(p) > 0 &&
      p.clients * p.messagesPerSecond * p.messageBytes <= 0.1 * HEALTHY_BYTES_PER_MS * 1000
        ? 2 * 1.1 * p.latencyMs + frameBytes(p.messageBytes, false) / HEALTHY_BYTES_PER_MS
        : undefined,
    tolerance: { relative: 0.05, absolute: 2 },
  },
  {
    metric: 'deadPeersUndetected',
    title: 'A dead peer without a heartbeat',
    formula: '1 while D − t_dead < 924.6 s',
    why: 'Nothing reaches the server when a network vanishes; TCP gives up on unacknowledged data only after tcp_retries2 = 15 retransmissions (at least 924.6 s, Linux ip-sysctl), so the server still holds the connection at the end.',
    unit: 'peers',
    predict: (p) =>
      p.appHeartbeat === 'off' &&
      p.deadPeerAtMs >= 1000 + 6 * meanLatency(p) &&
      p.durationMs > p.deadPeerAtMs &&
      p.durationMs - p.deadPeerAtMs < TCP_GIVE_UP_MS
        ? 1
        : undefined,
    tolerance: { absolute: 0 },
  },
];
