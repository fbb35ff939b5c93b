import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { ReplicationMethodsApi } from './api';
import content from './content';
import { replicationMethodsGoals } from './goals';
import { replicationMethodsMetrics } from './metrics';
import { followerMachine, leaderMachine } from './model';
import { replicationMethodsParams } from './params';
import { replicationMethodsPredictions } from './predictions';
import { buildReplicationMethods } from './wiring';

export { replicationMethodsParams };

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(4)) : 0);

/** The replication-methods lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['writesPerSecond'],
  machines: { follower: followerMachine, leader: leaderMachine },
  build: (sim, params, learner: ReplicationMethodsApi) => buildReplicationMethods(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(replicationMethodsMetrics, metrics);
    return {
      bytesPerStatement: ratio(m.count('bytesShipped'), m.count('statements')),
      divergedPerStatement: ratio(m.count('divergedStatements'), m.count('statements')),
      shareOfRowBytes: ratio(m.count('bytesShipped'), m.count('rowBytesEquivalent')),
    };
  },
  checks: byId(replicationMethodsGoals, (g) => g.check),
  grading: byId(replicationMethodsPredictions, (p) => p),
});
