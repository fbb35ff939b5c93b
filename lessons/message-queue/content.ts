import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { messageQueueGoals } from './goals';
import narrative from './lesson.md?raw';
import { messageQueueMetrics } from './metrics';
import { messageQueueParams } from './params';
import { messageQueuePredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { messageQueueTheory } from './theory';

/** What the page shows of the message-queue lesson (no models: those load in the worker). */
export default defineContent({
  id: 'message-queue',
  params: messageQueueParams,
  metrics: messageQueueMetrics,
  theory: messageQueueTheory,
  narrative,
  code: { starter, solution, api, exports: ['onReceive', 'onError', 'desiredConsumers'] },
  starterFails: ['no-loss', 'poison-parked', 'drained'],
  goals: messageQueueGoals,
  predictions: messageQueuePredictions,
  views: [
    { kind: 'topology' },
    {
      kind: 'queue',
      title: 'Queue: messages by state',
      visible: 'backlog',
      inFlight: 'inFlight',
      deadLettered: 'deadLetterDepth',
    },
    { kind: 'timeseries', gauge: 'backlog', title: 'Backlog: visible messages waiting', unit: 'messages' },
    { kind: 'timeseries', gauge: 'consumersUp', title: 'Consumers running', unit: 'consumers' },
    { kind: 'histogram', summary: 'endToEndLatencyMs', title: 'End-to-end latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'consumer' },
  ],
  compare: [
    { label: '5 consumers', params: { consumers: 5 } },
    { label: '10 consumers', params: { consumers: 10 } },
  ],
});
