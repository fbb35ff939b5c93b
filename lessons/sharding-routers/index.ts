import { metricReader } from '../../src/kit/metrics/reader';
import { defineLesson } from '../../src/lesson/types';
import type { ShardingApi } from './api';
import api from './api.ts?raw';
import { shardingGoals } from './goals';
import narrative from './lesson.md?raw';
import { shardingMetrics } from './metrics';
import { coordinatorMachine, routerMachine, shardMachine } from './model';
import { shardingParams } from './params';
import { shardingPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { shardingTheory } from './theory';
import { buildSharding } from './wiring';

export { shardingParams };

export default defineLesson({
  id: 'sharding-routers',
  params: shardingParams,
  metrics: shardingMetrics,
  theory: shardingTheory,
  narrative,
  code: { starter, solution, api, exports: ['route'] },
  starterFails: ['few-moves'],
  machines: { router: routerMachine, coordinator: coordinatorMachine, shard: shardMachine },
  views: [
    { kind: 'topology' },
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
  workKnobs: ['requestsPerSecond'],
  build: (sim, params, learner: ShardingApi) => buildSharding(sim, params, learner),
  derive: (metrics, p) => {
    const sig = (x: number) => Number(x.toPrecision(4));
    const m = metricReader(shardingMetrics, metrics);
    const mean = m.count('meanShardRequests');
    const shards = Math.max(1, m.count('shardsAtEnd'));
    return {
      loadImbalance: mean > 0 ? sig(m.count('busiestShardRequests') / mean) : 0,
      keysMovedFraction: sig(m.count('keysMoved') / p.keys),
      keyShareSpread: sig(m.count('shardKeysStd') / (p.keys / shards)),
    };
  },
  goals: shardingGoals,
  predictions: shardingPredictions,
});
