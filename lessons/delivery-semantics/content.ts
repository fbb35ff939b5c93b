import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { deliveryGoals } from './goals';
import narrative from './lesson.md?raw';
import { deliveryMetrics } from './metrics';
import { deliveryParams } from './params';
import { deliveryPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { deliveryTheory } from './theory';

/** What the page shows of the delivery-semantics lesson (no models: those load in the worker). */
export default defineContent({
  id: 'delivery-semantics',
  params: deliveryParams,
  metrics: deliveryMetrics,
  theory: deliveryTheory,
  narrative,
  code: { starter, solution, api, exports: ['handle'] },
  starterFails: ['exact-count'],
  goals: deliveryGoals,
  predictions: deliveryPredictions,
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 4 },
    { kind: 'timeseries', gauge: 'duplicatesSoFar', title: 'Effects applied twice, so far', unit: 'effects' },
    {
      kind: 'timeseries',
      gauge: 'lostSoFar',
      title: 'Messages skipped without their effect, so far',
      unit: 'messages',
    },
    {
      kind: 'timeseries',
      gauge: 'consumerLag',
      title: 'Consumer lag: records not yet committed',
      unit: 'records',
    },
    { kind: 'statechart', actorKind: 'consumer' },
  ],
  compare: [
    { label: 'Commit before processing', params: { commit: 'before' } },
    { label: 'Batches of 5', params: { batchSize: 5 } },
  ],
});
