import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { AsyncWorkersApi } from './api';
import { calmWindow } from './constants';
import content from './content';
import { asyncWorkersGoals } from './goals';
import { asyncWorkersMetrics } from './metrics';
import { apiMachine, brokerMachine, clientMachine, storeMachine, workerMachine } from './model';
import { asyncWorkersPredictions } from './predictions';
import { buildAsyncWorkers } from './wiring';

/** The async-workers lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['requestsPerSecond', 'burstDevices'],
  machines: {
    worker: workerMachine,
    api: apiMachine,
    store: storeMachine,
    queue: brokerMachine,
    client: clientMachine,
  },
  build: (sim, params, learner: AsyncWorkersApi) => buildAsyncWorkers(sim, params, learner),
  derive: (metrics, params) => {
    const m = metricReader(asyncWorkersMetrics, metrics);
    const calm = calmWindow(params);
    return {
      steadyMeanBacklog: round(m.count('steadyBacklogArea') / Math.max(1, calm.endMs - calm.startMs)),
    };
  },
  checks: byId(asyncWorkersGoals, (g) => g.check),
  grading: byId(asyncWorkersPredictions, (p) => p),
});
