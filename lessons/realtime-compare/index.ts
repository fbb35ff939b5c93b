import { round } from '../../src/engine/metrics';
import { metricNumber } from '../../src/lesson/metric-access';
import { defineLesson, type Metrics } from '../../src/lesson/types';
import type { RealtimeCompareApi } from './api';
import api from './api.ts?raw';
import { realtimeGoals } from './goals';
import narrative from './lesson.md?raw';
import { clientMachine, serverMachine } from './model';
import { realtimeParams, type RealtimeParams } from './params';
import { realtimePredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { buildRealtimeCompare } from './wiring';
import { metricName, WORKLOADS } from './workloads';

export { realtimeParams };

/** Per-workload ratios the goals and the compare view read. */
function derive(m: Metrics, p: RealtimeParams): Metrics {
  const out: Metrics = {};
  for (const w of WORKLOADS) {
    const n = (name: string) => metricNumber(m, metricName(w, name));
    const delivered = Math.max(1, n('updatesDelivered'));
    out[metricName(w, 'bytesPerUpdate')] = round(n('bytesOnWire') / delivered);
    out[metricName(w, 'requestsPerUpdate')] = round(n('requests') / delivered);
    out[metricName(w, 'requestsPerUser')] = round(n('requests') / p.clients);
    out[metricName(w, 'handshakesPerUser')] = round(n('handshakes') / p.clients);
    const perUser = n('connectionMs') / (p.durationMs * p.clients);
    out[metricName(w, 'connectionsPerUser')] = round(perUser);
    out[metricName(w, 'memoryPerUserBytes')] = Math.round(perUser * p.connectionMemoryKiB * 1024);
  }
  out.chatUpstreamOverheadPerMessage = round(
    metricNumber(m, 'chatUpstreamOverheadBytes') / Math.max(1, metricNumber(m, 'chatMessagesSent')),
  );
  return out;
}

export default defineLesson<typeof realtimeParams, RealtimeCompareApi>({
  id: 'realtime-compare',
  params: realtimeParams,
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
  build: (sim, params, learner) => buildRealtimeCompare(sim, params, learner),
  derive,
  goals: realtimeGoals,
  predictions: realtimePredictions,
});
