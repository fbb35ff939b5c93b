import { metricReader } from '../../src/kit/metrics/reader';
import { byId, defineLesson } from '../../src/lesson/types';
import type { WebSocketsApi } from './api';
import content from './content';
import { websocketsGoals } from './goals';
import { websocketsMetrics } from './metrics';
import { clientMachine, serverMachine } from './model';
import { websocketsPredictions } from './predictions';
import { buildWebSockets } from './wiring';

export { websocketsParams } from './content';

/** The WebSockets lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  // CPU per engine event relative to a polling event is 9 (src/lesson/budget.ts, measured at the
  // heaviest knobs); doubled because memory binds first: at 100 clients × 100 messages/s the
  // server's send buffers hold every queued frame (about 1.9 MB of heap a virtual second; 754 MB
  // at 395 s), and 18 keeps the largest accepted run near 200 s, well under 1 GB.
  workCost: 18,
  workKnobs: ['clients', 'messagesPerSecond'],
  machines: { client: clientMachine, server: serverMachine },
  build: (sim, params, learner: WebSocketsApi) => buildWebSockets(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(websocketsMetrics, metrics);
    return {
      clientTextFrameBytes: m.count('textBytesFromClients') / Math.max(1, m.count('textFramesFromClients')),
      healthyP99Ms: m.summary('healthyDeliveryLatencyMs').p99,
    };
  },
  checks: byId(websocketsGoals, (g) => g.check),
  grading: byId(websocketsPredictions, (p) => p),
});
