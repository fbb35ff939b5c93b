import { byId, defineLesson } from '../../src/lesson/types';
import type { SseApi } from './api';
import content, { sseGoals } from './content';
import { clientMachine, serverMachine } from './model';
import { predictions } from './predictions';
import { buildSse } from './wiring';
import { sseWorkEstimate } from './work';

export { sseParams } from './params';

/** The SSE lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  // CPU per engine event relative to a polling event (src/lesson/budget.ts, measured at the heaviest knobs).
  workCost: 7,
  workKnobs: ['clients', 'tabs', 'eventsPerSecond'],
  // The pilot sees streams still opening; the steady state is a closed form (work.ts).
  workEstimate: sseWorkEstimate,
  machines: { server: serverMachine, client: clientMachine },
  build: (sim, params, learner: SseApi) => buildSse(sim, params, learner),
  checks: byId(sseGoals, (g) => g.check),
  grading: byId(predictions, (p) => p),
});
