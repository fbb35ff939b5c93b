import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { MessageStreamApi } from './api';
import { calmWindow, PARTITION_LABELS } from './constants';
import content from './content';
import { messageStreamGoals } from './goals';
import { messageStreamMetrics } from './metrics';
import { brokerMachine, consumerMachine, coordinatorMachine, producerMachine } from './model';
import { messageStreamPredictions } from './predictions';
import { buildMessageStream } from './wiring';

export { messageStreamParams } from './params';

/** The message-stream lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['recordsPerSecond'],
  machines: {
    consumer: consumerMachine,
    coordinator: coordinatorMachine,
    broker: brokerMachine,
    producer: producerMachine,
  },
  build: (sim, params, learner: MessageStreamApi) => buildMessageStream(sim, params, learner),
  derive: (metrics, params) => {
    const m = metricReader(messageStreamMetrics, metrics);
    const w = calmWindow(params);
    const ms = Math.max(1, w.endMs - w.startMs);
    const hottest = Math.max(...PARTITION_LABELS.map((l) => m.count('records', l)));
    return {
      throughputPerSecond: round(m.count('steadyProcessed') / (ms / 1000)),
      steadyMeanLag: round(m.count('steadyLagArea') / ms),
      hotPartitionShare: round(hottest / Math.max(1, m.count('recordsProduced'))),
    };
  },
  checks: byId(messageStreamGoals, (g) => g.check),
  grading: byId(messageStreamPredictions, (p) => p),
});
