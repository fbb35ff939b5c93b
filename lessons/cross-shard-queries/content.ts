import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { crossShardGoals } from './goals';
import narrative from './lesson.md?raw';
import { crossShardMetrics } from './metrics';
import { crossShardParams } from './params';
import { crossShardPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { crossShardTheory } from './theory';

/** What the page shows of the cross-shard-queries lesson (no models: those load in the worker). */
export default defineContent({
  id: 'cross-shard-queries',
  params: crossShardParams,
  metrics: crossShardMetrics,
  theory: crossShardTheory,
  narrative,
  code: { starter, solution, api, exports: ['planQuery'] },
  starterFails: ['targeted', 'fast'],
  goals: crossShardGoals,
  predictions: crossShardPredictions,
  views: [
    { kind: 'topology' },
    { kind: 'loadBars', gauge: 'shardLoad', title: 'Load per shard', unit: '% busy', actorKind: 'shard' },
    { kind: 'histogram', summary: 'emailQueryLatencyMs', title: 'Latency of queries by email', unit: 'ms' },
    {
      kind: 'timeseries',
      gauge: 'indexPending',
      title: 'Updates not yet in the global index',
      unit: 'updates',
    },
    { kind: 'statechart', actorKind: 'shard' },
    { kind: 'statechart', actorKind: 'indexer' },
  ],
  compare: [
    { label: 'Local indexes (scatter-gather)', params: { plan: 'scatter' } },
    { label: 'Global index', params: { plan: 'global-index' } },
  ],
});
