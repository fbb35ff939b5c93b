import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { replicationMethodsGoals } from './goals';
import narrative from './lesson.md?raw';
import { replicationMethodsMetrics } from './metrics';
import { replicationMethodsParams } from './params';
import { replicationMethodsPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { replicationMethodsTheory } from './theory';

/** What the page shows of the replication-methods lesson (no models: those load in the worker). */
export default defineContent({
  id: 'replication-methods',
  params: replicationMethodsParams,
  metrics: replicationMethodsMetrics,
  theory: replicationMethodsTheory,
  narrative,
  code: { starter, solution, api, exports: ['shipAsStatement'] },
  starterFails: ['identical'],
  goals: replicationMethodsGoals,
  predictions: replicationMethodsPredictions,
  views: [
    { kind: 'topology' },
    { kind: 'sequence' },
    {
      kind: 'timeseries',
      gauge: 'shippedBytesSoFar',
      title: 'Bytes shipped to each follower',
      unit: 'bytes',
    },
    {
      kind: 'timeseries',
      gauge: 'divergedSoFar',
      title: 'Statements that diverged on a follower',
      unit: 'statements',
    },
    { kind: 'statechart', actorKind: 'follower' },
  ],
  compare: [
    { label: 'Statements', params: { method: 'statement' } },
    { label: 'Write-ahead log', params: { method: 'wal' } },
    { label: 'Rows', params: { method: 'row' } },
  ],
});
