import type { Place, RequestKind, Settings, Step } from './api';

// Where does each step of a write run: inside the request, or later on a worker?
export function placeStep(step: Step, kind: RequestKind, settings: Settings): Place {
  // Everything inside the request, as a first version of an API does.
  return 'request';
}
