import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { ReplicationLagApi } from './api';
import content from './content';
import { replicationLagGoals } from './goals';
import { replicationLagMetrics } from './metrics';
import { failoverMachine, replicaMachine } from './model';
import { replicationLagParams } from './params';
import { replicationLagPredictions } from './predictions';
import { appMachine, buildReplicationLag } from './wiring';

export { replicationLagParams };

const ratio = (a: number, b: number) => (b > 0 ? Number((a / b).toPrecision(4)) : 0);

/** The replication-lag lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['readsPerSecond', 'writesPerSecond', 'burstWritesPerSecond', 'followers'],
  machines: { replica: replicaMachine, failover: failoverMachine, app: appMachine },
  build: (sim, params, learner: ReplicationLagApi) => buildReplicationLag(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(replicationLagMetrics, metrics);
    const answered = m.count('readsAnswered');
    return {
      followerReadShare: ratio(m.count('followerReads'), answered),
      staleReadShare: ratio(m.count('staleReads'), answered),
      fastStaleViewShare: ratio(m.count('viewsBehind', 'fast'), m.count('viewsChecked', 'fast')),
      slowStaleViewShare: ratio(m.count('viewsBehind', 'slow'), m.count('viewsChecked', 'slow')),
    };
  },
  checks: byId(replicationLagGoals, (g) => g.check),
  grading: byId(replicationLagPredictions, (p) => p),
});
