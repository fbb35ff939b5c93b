import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { realtimeGoals } from './goals';
import { realtimeMetrics } from './metrics';
import { realtimeTheory } from './theory';
import narrative from './lesson.md?raw';
import { realtimeParams } from './params';
import { realtimePredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';

export { realtimeParams };

/** What the page shows of this lesson (no models: they load in the worker and the CLI). */
export default defineContent({
  id: 'realtime-compare',
  params: realtimeParams,
  metrics: realtimeMetrics,
  theory: realtimeTheory,
  narrative,
  code: { starter, solution, api, exports: ['chooseTechnique'] },
  starterFails: ['ticker-lean', 'chat-fresh', 'chat-upstream'],
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
  goals: realtimeGoals,
  predictions: realtimePredictions,
});
