import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { defineLesson } from '../../src/lesson/types';
import type { MessageQueueApi } from './api';
import api from './api.ts?raw';
import { messageQueueGoals } from './goals';
import narrative from './lesson.md?raw';
import { messageQueueMetrics } from './metrics';
import { consumerMachine, producerMachine, queueMachine } from './model';
import { messageQueueParams } from './params';
import { messageQueuePredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { messageQueueTheory } from './theory';
import { buildMessageQueue, calmWindow } from './wiring';

export { messageQueueParams };

export default defineLesson({
  id: 'message-queue',
  params: messageQueueParams,
  metrics: messageQueueMetrics,
  theory: messageQueueTheory,
  narrative,
  code: { starter, solution, api, exports: ['onReceive', 'onError', 'desiredConsumers'] },
  starterFails: ['no-loss', 'poison-parked', 'drained'],
  machines: { consumer: consumerMachine, producer: producerMachine, queue: queueMachine },
  views: [
    { kind: 'topology' },
    { kind: 'timeseries', gauge: 'backlog', title: 'Backlog: visible messages waiting', unit: 'messages' },
    { kind: 'timeseries', gauge: 'consumersUp', title: 'Consumers running', unit: 'consumers' },
    { kind: 'histogram', summary: 'endToEndLatencyMs', title: 'End-to-end latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'consumer' },
  ],
  compare: [
    { label: '5 consumers', params: { consumers: 5 } },
    { label: '10 consumers', params: { consumers: 10 } },
  ],
  build: (sim, params, learner: MessageQueueApi) => buildMessageQueue(sim, params, learner),
  derive: (metrics, params) => {
    const m = metricReader(messageQueueMetrics, metrics);
    const calm = calmWindow(params);
    const waits = m.summary('steadyWaitMs').count;
    return {
      consumerUtilization: round(m.count('consumerBusyMs') / Math.max(1, m.count('consumerUpMs'))),
      steadyWaitProbability: round(m.count('steadyWaited') / Math.max(1, waits)),
      steadyMeanBacklog: round(m.count('steadyBacklogArea') / Math.max(1, calm.endMs - calm.startMs)),
    };
  },
  goals: messageQueueGoals,
  predictions: messageQueuePredictions,
});
