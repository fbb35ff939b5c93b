import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { asyncWorkersGoals } from './goals';
import narrative from './lesson.md?raw';
import { asyncWorkersMetrics } from './metrics';
import { asyncWorkersParams } from './params';
import { asyncWorkersPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { asyncWorkersTheory } from './theory';

/** What the page shows of the async-workers lesson (no models: those load in the worker). */
export default defineContent({
  id: 'async-workers',
  params: asyncWorkersParams,
  metrics: asyncWorkersMetrics,
  theory: asyncWorkersTheory,
  narrative,
  code: { starter, solution, api, exports: ['placeStep'] },
  starterFails: ['fast-api', 'smooth-db'],
  goals: asyncWorkersGoals,
  predictions: asyncWorkersPredictions,
  views: [
    { kind: 'topology' },
    {
      kind: 'queue',
      title: 'Work queue',
      visible: 'backlog',
      inFlight: 'inFlight',
      deadLettered: 'deadLetterDepth',
    },
    { kind: 'timeseries', gauge: 'dbQueriesPerSecond', title: 'Database load', unit: 'queries/s' },
    { kind: 'histogram', summary: 'apiLatencyMs', title: 'API latency', unit: 'ms' },
    {
      kind: 'histogram',
      summary: 'consistencyDelayMs',
      title: 'Count and search catch-up delay',
      unit: 'ms',
    },
    { kind: 'statechart', actorKind: 'worker' },
  ],
  compare: [
    { label: 'Synchronous', params: { mode: 'sync' } },
    { label: 'Queue + workers', params: { mode: 'async' } },
  ],
});
