import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { shardingGoals } from './goals';
import narrative from './lesson.md?raw';
import { shardingMetrics } from './metrics';
import { shardingParams } from './params';
import { shardingPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { shardingTheory } from './theory';
import { DRAWN_PER_SECOND } from './drawn';

/** What the page shows of the sharding-routers lesson (no models: those load in the worker). */
export default defineContent({
  id: 'sharding-routers',
  params: shardingParams,
  metrics: shardingMetrics,
  theory: shardingTheory,
  narrative,
  code: { starter, solution, api, exports: ['route'], optionalExports: ['planJoin'] },
  starterFails: ['few-moves'],
  goals: shardingGoals,
  predictions: shardingPredictions,
  views: [
    {
      kind: 'topology',
      note: `About ${DRAWN_PER_SECOND} reads a second are drawn as dots (each read with the same chance; all of them when fewer arrive); every number on the page counts all of them.`,
    },
    {
      kind: 'ring',
      keys: 'shardKeys',
      title: "Key space: each shard's share",
      load: 'shardLoad',
      moving: 'keysMoving',
      movingTotal: 'keysToMove',
      version: 'mapVersion',
      routerVersions: 'routerMapVersion',
      points: 'shardMap',
    },
    { kind: 'loadBars', gauge: 'shardLoad', title: 'Reads per shard', unit: 'reads/s', actorKind: 'shard' },
    { kind: 'timeseries', gauge: 'keysToMove', title: 'Keys still moving to their new shard', unit: 'keys' },
    { kind: 'timeseries', gauge: 'staleRouters', title: 'Routers holding an old map', unit: 'routers' },
    { kind: 'histogram', summary: 'requestLatencyMs', title: 'Read latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'router' },
    { kind: 'statechart', actorKind: 'coordinator' },
  ],
  compare: [
    { label: 'Key ranges', params: { router: 'range' } },
    { label: 'Hash mod N', params: { router: 'hash-mod' } },
    { label: 'Consistent hashing', params: { router: 'consistent' } },
    { label: 'Directory', params: { router: 'directory' } },
  ],
});
