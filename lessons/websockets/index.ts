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
  // CPU per engine event relative to a polling event (src/lesson/budget.ts, measured at the
  // heaviest knobs: 100 clients × 100 messages/s of 100 kB). The send buffers queue one shared
  // frame per broadcast, so memory no longer binds first: 196 virtual s hold 98 MB of heap
  // (RSS 269 MB without the trace, 443 MB with it; one frame object per recipient held 512 MB more).
  workCost: 9,
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
