import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { ShardingApi } from './api';
import content from './content';
import { shardingGoals } from './goals';
import { shardingMetrics } from './metrics';
import { coordinatorMachine, routerMachine, shardMachine } from './model';
import { shardingParams } from './params';
import { shardingPredictions } from './predictions';
import { buildSharding } from './wiring';

export { shardingParams };

/** Four significant digits: fractions of a million keys keep their meaning. */
const sig = (x: number) => Number(x.toPrecision(4));

/** Reads are the work a run grows with. */
export default defineLesson(content, {
  workKnobs: ['requestsPerSecond'],
  machines: { router: routerMachine, coordinator: coordinatorMachine, shard: shardMachine },
  build: (sim, params, learner: ShardingApi) => buildSharding(sim, params, learner),
  derive: (metrics, p) => {
    const m = metricReader(shardingMetrics, metrics);
    const mean = m.count('meanShardRequests');
    const shards = Math.max(1, m.count('shardsAtEnd'));
    return {
      loadImbalance: mean > 0 ? sig(m.count('busiestShardRequests') / mean) : 0,
      keysMovedFraction: sig(m.count('keysMoved') / p.keys),
      keyShareSpread: sig(m.count('shardKeysStd') / (p.keys / shards)),
    };
  },
  checks: byId(shardingGoals, (g) => g.check),
  grading: byId(shardingPredictions, (p) => p),
});
