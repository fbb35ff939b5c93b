import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { PollingApi } from './api';
import content from './content';
import { pollingGoals } from './goals';
import { pollingMetrics } from './metrics';
import { clientMachine, serverMachine } from './model';
import { pollingPredictions } from './predictions';
import { buildPolling } from './wiring';

export { pollingParams } from './params';

/** The polling lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['clients'],
  machines: { server: serverMachine, client: clientMachine },
  build: (sim, params, learner: PollingApi) => buildPolling(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(pollingMetrics, metrics);
    return { requestsPerUpdate: round(m.count('requests') / Math.max(1, m.count('eventsDelivered'))) };
  },
  checks: byId(pollingGoals, (g) => g.check),
  grading: byId(pollingPredictions, (p) => p),
});
