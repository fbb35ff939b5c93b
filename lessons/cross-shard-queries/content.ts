import { defineContent } from '../../src/lesson/types';
import { DRAWN_PER_SECOND } from './constants';
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
    {
      kind: 'topology',
      note: `About ${DRAWN_PER_SECOND} queries a second are drawn with their messages (each with the same chance; all of them when fewer arrive); every number on the page counts all of them.`,
    },
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
