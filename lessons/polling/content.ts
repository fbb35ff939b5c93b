import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { pollingGoals } from './goals';
import narrative from './lesson.md?raw';
import { pollingMetrics } from './metrics';
import { pollingParams } from './params';
import { pollingPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { pollingTheory } from './theory';

/** What the page shows of the polling lesson (no models: those load in the worker). */
export default defineContent({
  id: 'polling',
  params: pollingParams,
  metrics: pollingMetrics,
  theory: pollingTheory,
  narrative,
  code: { starter, solution, api, exports: ['nextPollDelay'] },
  solutionParams: { strategy: 'long' },
  starterFails: ['fresh', 'cheap'],
  goals: pollingGoals,
  predictions: pollingPredictions,
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 6 },
    {
      kind: 'timeseries',
      gauge: 'openRequests',
      title: 'Requests held open on the server',
      unit: 'requests',
    },
    { kind: 'histogram', summary: 'deliveryLatencyMs', title: 'Delivery latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'client' },
  ],
  compare: [
    { label: 'Short polling', params: { strategy: 'short' } },
    { label: 'Long polling', params: { strategy: 'long' } },
  ],
});
