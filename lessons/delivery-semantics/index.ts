import { byId, defineLesson } from '../../src/lesson/types';
import type { DeliveryApi } from './api';
import content from './content';
import { deliveryGoals } from './goals';
import { brokerMachine, consumerMachine, databaseMachine, producerMachine } from './model';
import { deliveryPredictions } from './predictions';
import { buildDelivery } from './wiring';

export { deliveryParams } from './params';

/** The delivery-semantics lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  workKnobs: ['messagesPerSecond', 'durationMs'],
  machines: {
    consumer: consumerMachine,
    broker: brokerMachine,
    database: databaseMachine,
    producer: producerMachine,
  },
  build: (sim, params, learner: DeliveryApi) => buildDelivery(sim, params, learner),
  checks: byId(deliveryGoals, (g) => g.check),
  grading: byId(deliveryPredictions, (p) => p),
});
