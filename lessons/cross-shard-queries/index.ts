import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { CrossShardApi } from './api';
import content from './content';
import { crossShardGoals } from './goals';
import { crossShardMetrics } from './metrics';
import { indexerMachine, routerMachine, shardMachine } from './model';
import { crossShardPredictions } from './predictions';
import { buildCrossShard } from './wiring';

export { crossShardParams } from './params';

/** Four significant digits. */
const sig = (x: number) => Number(x.toPrecision(4));

/**
 * Queries and writes are the work a run grows with (and shards, for a scatter). An event
 * here costs several polling events, and memory grows with them (`npm run bench --
 * --largest`: every knob at its maximum overloads the shards, whose queues then hold every
 * waiting request): with cost 1 the largest accepted run took 191 s and 4 GB; with 6, 8.6 s
 * and 667 MB; 8 keeps a margin under the page's 1 GB.
 */
export default defineLesson(content, {
  workKnobs: ['queriesPerSecond', 'shards', 'writesPerSecond'],
  workCost: 8,
  machines: { shard: shardMachine, indexer: indexerMachine, router: routerMachine },
  build: (sim, params, learner: CrossShardApi) => buildCrossShard(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(crossShardMetrics, metrics);
    const q = m.count('queries');
    const r = m.count('indexReads');
    return {
      shardsContactedPerQuery: q > 0 ? sig(m.count('shardRequests') / q) : 0,
      staleReadFraction: r > 0 ? sig(m.count('staleIndexReads') / r) : 0,
    };
  },
  checks: byId(crossShardGoals, (g) => g.check),
  grading: byId(crossShardPredictions, (p) => p),
});
