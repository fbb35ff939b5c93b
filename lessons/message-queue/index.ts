import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { MessageQueueApi } from './api';
import { calmWindow } from './constants';
import content from './content';
import { messageQueueGoals } from './goals';
import { messageQueueMetrics } from './metrics';
import { consumerMachine, producerMachine, queueMachine } from './model';
import { messageQueuePredictions } from './predictions';
import { buildMessageQueue } from './wiring';

export { messageQueueParams } from './params';

/** The message-queue lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['messagesPerSecond'],
  machines: { consumer: consumerMachine, producer: producerMachine, queue: queueMachine },
  build: (sim, params, learner: MessageQueueApi) => buildMessageQueue(sim, params, learner),
  derive: (metrics, params) => {
    const m = metricReader(messageQueueMetrics, metrics);
    const calm = calmWindow(params);
    return {
      consumerUtilization: round(m.count('consumerBusyMs') / Math.max(1, m.count('consumerUpMs'))),
      steadyWaitProbability: round(m.count('steadyWaited') / Math.max(1, m.summary('steadyWaitMs').count)),
      steadyMeanBacklog: round(m.count('steadyBacklogArea') / Math.max(1, calm.endMs - calm.startMs)),
    };
  },
  checks: byId(messageQueueGoals, (g) => g.check),
  grading: byId(messageQueuePredictions, (p) => p),
});
