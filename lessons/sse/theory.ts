import { H1_MAX_CONNECTIONS_PER_ORIGIN, H2_MAX_CONCURRENT_STREAMS } from '../../src/kit/protocol/http';
import type { MetricKey } from '../../src/kit/metrics/table';
import type { TheoryClaim } from '../../src/lesson/types';
import type { sseMetrics } from './metrics';
import type { SseParams } from './params';

type Claim = TheoryClaim<SseParams, MetricKey<typeof sseMetrics>>;

/** Streams one browser can have open at once: 6 connections × 1 (HTTP/1.1), or 1 × 100 (HTTP/2). */
export const streamsPerBrowser = (p: SseParams) =>
  p.httpVersion === '1.1' ? H1_MAX_CONNECTIONS_PER_ORIGIN : H2_MAX_CONCURRENT_STREAMS;

const calm = (p: SseParams) => p.dropEveryMs === 0 && p.serverRestartAtMs === 0;

export const sseTheory: Claim[] = [
  {
    metric: 'deliveryLatencyMs',
    field: 'p50',
    title: 'Median delivery delay',
    formula: 'L · 1.1',
    why: 'On an open stream an event is one write: it arrives one transit after it is published, L plus jitter uniform in [0, 0.2 L). Replays after a reconnect come later; the claim holds while they stay few: a reconnect (retry + 4 L + setup × N/2 in the server queue, N tabs) takes at most a quarter of the mean time between drops.',
    unit: 'ms',
    predict: (p) =>
      p.eventsPerSecond * p.durationMs >= 20_000 &&
      (p.dropEveryMs === 0 ||
        (p.retryMs + 4 * p.latencyMs + (p.setupMs * p.clients * p.tabs) / 2) / p.dropEveryMs <= 0.25)
        ? 1.1 * p.latencyMs
        : undefined,
    tolerance: { relative: 0.05 },
  },
  {
    metric: 'tabsStarved',
    title: 'Tabs that never get a stream',
    formula: 'browsers · max(0, tabs − 6) on HTTP/1.1; max(0, tabs − 100) on HTTP/2',
    why: 'A stream holds its connection for the whole run; without drops or a restart no connection ever frees up for the tabs beyond the per-origin limit (RFC 9113 lets HTTP/2 multiplex; browsers cap HTTP/1.1 at 6).',
    unit: 'tabs',
    predict: (p) => (calm(p) ? p.clients * Math.max(0, p.tabs - streamsPerBrowser(p)) : undefined),
    tolerance: { absolute: 0 },
  },
  {
    metric: 'openStreamsMax',
    title: 'Streams open at once',
    formula: 'browsers · min(tabs, 6 or 100)',
    why: 'Every tab that has a connection streams; the others wait.',
    unit: 'streams',
    predict: (p) => (calm(p) ? p.clients * Math.min(p.tabs, streamsPerBrowser(p)) : undefined),
    tolerance: { absolute: 0 },
  },
];
