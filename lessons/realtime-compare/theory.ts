import type { MetricKey } from '../../src/kit/metrics/table';
import { chunkFramingBytes, sseFramingBytes } from '../../src/kit/protocol/http';
import { frameBytes } from '../../src/kit/protocol/websocket';
import { handshakeBytes, handshakeRoundTrips } from '../../src/kit/transport/handshake';
import type { TheoryClaim } from '../../src/lesson/types';
import type { realtimeMetrics } from './metrics';
import type { RealtimeParams } from './params';

type Claim = TheoryClaim<RealtimeParams, MetricKey<typeof realtimeMetrics>>;

const TICKER_PAYLOAD = 60;
const TICKER_POLL_MS = 250;
/** Mean one-way latency: jitter adds uniform [0, 0.1 L). */
const meanLatency = (p: RealtimeParams) => 1.05 * p.latencyMs;
/** Ticker updates each page receives over the run. */
const tickerUpdates = (p: RealtimeParams) => (p.tickerUpdatesPerSecond * p.durationMs) / 1000;
/** What one page pays once on a stream: its request headers and one handshake. */
const oncePerPage = (p: RealtimeParams) => (p.headerBytes + handshakeBytes(p.tls)) / tickerUpdates(p);

/** Mean of sseFramingBytes over the event ids 1..n (the id's digits grow with the log). */
function meanSseFraming(n: number): number {
  let sum = 0;
  for (let id = 1; id <= n; id++)
    sum += sseFramingBytes(id) + chunkFramingBytes(TICKER_PAYLOAD + sseFramingBytes(id));
  return sum / Math.max(1, n);
}

export const realtimeTheory: Claim[] = [
  {
    metric: 'roundTripsPerHandshake',
    title: 'Round trips per new connection',
    formula: '1 (TCP) + 1 (TLS 1.3) or + 2 (TLS 1.2)',
    why: 'SYN / SYN-ACK is one round trip (RFC 9293 §3.5); a full TLS 1.3 handshake adds one (RFC 8446 §2), TLS 1.2 two (RFC 5246 §7.3).',
    unit: 'round trips',
    predict: (p) => handshakeRoundTrips(p.tls),
    tolerance: { absolute: 0 },
  },
  {
    metric: 'tickerBytesPerUpdate',
    title: 'Ticker bytes per update, WebSocket',
    formula: '(2 + 60) + (headers + handshake) / (λ·D)',
    why: 'A server frame of 60 payload bytes has a 2-byte header (RFC 6455 §5.2); the upgrade request and the TCP + TLS handshake are paid once per page, over λ·D updates.',
    unit: 'bytes',
    predict: (p) =>
      p.override === 'websocket' && tickerUpdates(p) >= 500
        ? frameBytes(TICKER_PAYLOAD, false) + oncePerPage(p)
        : undefined,
    tolerance: { relative: 0.02 },
  },
  {
    metric: 'tickerBytesPerUpdate',
    title: 'Ticker bytes per update, SSE',
    formula: '60 + (13 + digits(id)) + chunk (size in hex + 4) + (headers + handshake) / (λ·D)',
    why: 'Each event is `id:` and `data:` lines and a blank line (WHATWG HTML), sent as one HTTP/1.1 chunk (RFC 9112 §7.1); the GET and the handshake are paid once per page.',
    unit: 'bytes',
    predict: (p) =>
      p.override === 'sse' && tickerUpdates(p) >= 500
        ? TICKER_PAYLOAD + meanSseFraming(Math.round(tickerUpdates(p))) + oncePerPage(p)
        : undefined,
    tolerance: { relative: 0.02 },
  },
  {
    metric: 'tickerRequestsPerUser',
    title: 'Ticker polls per page, short polling',
    formula: '(D − T/2) / (T + RTT)',
    why: 'A page asks again T = 250 ms after each answer, so its polls are T + RTT apart from the moment it opens (uniformly within the first T). Assumes the keep-alive timeout is longer than T, so polls pay no handshake.',
    unit: 'requests',
    predict: (p) =>
      p.override === 'short' && p.keepAliveTimeoutMs > 4 * TICKER_POLL_MS
        ? (p.durationMs - TICKER_POLL_MS / 2) / (TICKER_POLL_MS + 2 * meanLatency(p))
        : undefined,
    tolerance: { relative: 0.03 },
  },
  {
    metric: 'notificationsConnectionsPerUser',
    title: 'Connections held per user, streaming notifications',
    formula: '1',
    why: 'An SSE or WebSocket page holds its connection for the whole run, whether or not anything is sent on it.',
    unit: 'connections',
    predict: (p) => (p.override === 'sse' || p.override === 'websocket' ? 1 : undefined),
    tolerance: { absolute: 0.05 },
  },
];
