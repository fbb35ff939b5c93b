import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { labelledKey } from '../../src/kit/metrics/table';
import { defineLesson, type Metrics } from '../../src/lesson/types';
import type { RealtimeCompareApi, WorkloadName } from './api';
import api from './api.ts?raw';
import { realtimeGoals } from './goals';
import { realtimeMetrics } from './metrics';
import { realtimeTheory } from './theory';
import narrative from './lesson.md?raw';
import { clientMachine, serverMachine } from './model';
import { realtimeParams, type RealtimeParams } from './params';
import { realtimePredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { buildRealtimeCompare } from './wiring';
import { WORKLOADS } from './workloads';

export { realtimeParams };

/** Per-feature ratios the goals and the compare view read. */
function derive(metrics: Metrics, p: RealtimeParams): Metrics {
  const m = metricReader(realtimeMetrics, metrics);
  const out: Metrics = {};
  const put = (name: keyof typeof realtimeMetrics, w: WorkloadName, v: number) =>
    (out[labelledKey(w, name)] = v);
  for (const w of WORKLOADS) {
    const delivered = Math.max(1, m.count('updatesDelivered', w));
    put('bytesPerUpdate', w, round(m.count('bytesOnWire', w) / delivered));
    put('requestsPerUpdate', w, round(m.count('requests', w) / delivered));
    put('requestsPerUser', w, round(m.count('requests', w) / p.clients));
    put('handshakesPerUser', w, round(m.count('handshakes', w) / p.clients));
    const perUser = m.count('connectionMs', w) / (p.durationMs * p.clients);
    put('connectionsPerUser', w, round(perUser));
    put('memoryPerUserBytes', w, Math.round(perUser * p.connectionMemoryKiB * 1024));
  }
  out.roundTripsPerHandshake = round(m.count('handshakeRoundTrips') / Math.max(1, m.count('handshakes')));
  out.chatUpstreamOverheadPerMessage = round(
    m.count('upstreamOverheadBytes', 'chat') / Math.max(1, m.count('messagesSent', 'chat')),
  );
  return out;
}

export default defineLesson({
  id: 'realtime-compare',
  params: realtimeParams,
  metrics: realtimeMetrics,
  theory: realtimeTheory,
  narrative,
  code: { starter, solution, api, exports: ['chooseTechnique'] },
  starterFails: ['ticker-lean', 'chat-fresh', 'chat-upstream'],
  machines: { client: clientMachine, server: serverMachine },
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 6 },
    {
      kind: 'timeseries',
      gauge: 'openConnections',
      title: 'Connections open on the three servers',
      unit: 'connections',
    },
    {
      kind: 'timeseries',
      gauge: 'notificationsOpenConnections',
      title: 'Connections open on the notification server',
      unit: 'connections',
    },
    {
      kind: 'histogram',
      summary: 'deliveryLatencyMs',
      title: 'Delivery latency, all three features (publish or post to page)',
      unit: 'ms',
    },
    { kind: 'histogram', summary: 'tickerLatencyMs', title: 'Ticker delivery latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'client' },
  ],
  compare: [
    { label: 'Short polling everywhere', params: { override: 'short' } },
    { label: 'Long polling everywhere', params: { override: 'long' } },
    { label: 'SSE everywhere', params: { override: 'sse' } },
    { label: 'WebSockets everywhere', params: { override: 'websocket' } },
  ],
  build: (sim, params, learner: RealtimeCompareApi) => buildRealtimeCompare(sim, params, learner),
  derive,
  goals: realtimeGoals,
  predictions: realtimePredictions,
});
