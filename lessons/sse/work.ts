import { H1_MAX_CONNECTIONS_PER_ORIGIN, H2_MAX_CONCURRENT_STREAMS } from '../../src/kit/protocol/http';
import { OBSERVATIONS_PER_EVENT } from '../../src/lesson/budget';
import type { SseParams } from './params';

/** Engine events one reconnection costs: the handshake, GET, 200, the timers of the drop, setup and wait. */
const EVENTS_PER_RECONNECT = 12;

/** Streams open once the run has settled (an upper bound on the average over the run). */
export function steadyStreams(p: SseParams): number {
  const perBrowser = p.httpVersion === '1.1' ? H1_MAX_CONNECTIONS_PER_ORIGIN : H2_MAX_CONCURRENT_STREAMS;
  const most = p.clients * Math.min(p.tabs, perBrowser);
  if (p.dropEveryMs <= 0) return most;
  // Drops end streams at S / dropEveryMs a second; the server sets streams up one at a time,
  // 1000 / setupMs a second at most; where the two balance, no more streams can be open.
  return Math.min(most, p.dropEveryMs / p.setupMs);
}

/**
 * The run's work from its knobs (budget units: engine events plus observations / 3), for
 * the work budget: the pilot sees the first seconds, while streams are still opening, and
 * the steady state (every open stream getting every event) comes a minute later. Each
 * event written to a stream is one delivery (an engine event) and one latency observation;
 * each reconnection a dozen events; replays add the events a tab missed while away, at
 * most the replay window. Measured at 200 browsers × 120 tabs × 50 events/s (HTTP/1.1,
 * drops every 20 s, 25 ms setup): 52.4 k units a second at the steady state, estimated 53.3 k.
 */
export function sseWorkEstimate(p: SseParams): number {
  const seconds = p.durationMs / 1000;
  const streams = steadyStreams(p);
  const reconnectsPerSecond =
    p.dropEveryMs > 0 ? Math.min(streams / (p.dropEveryMs / 1000), 1000 / p.setupMs) : 0;
  const missedPerReconnect = Math.min(p.replayBufferSize, (p.eventsPerSecond * p.retryMs) / 1000);
  const perDelivery = 1 + 1 / OBSERVATIONS_PER_EVENT;
  const deliveriesPerSecond = streams * p.eventsPerSecond + reconnectsPerSecond * missedPerReconnect;
  const perSecond =
    deliveriesPerSecond * perDelivery + p.eventsPerSecond + reconnectsPerSecond * EVENTS_PER_RECONNECT;
  return perSecond * seconds + p.clients * p.tabs * EVENTS_PER_RECONNECT;
}
