import type { Place, RequestKind, Settings, Step } from './api';

export function placeStep(step: Step, kind: RequestKind, settings: Settings): Place {
  // An author expects to see the post they just published: store it before answering.
  if (kind === 'post' && step === 'store') return 'request';
  // The counter and the search index can be a moment late; a device never reads its
  // reading back, so all of its work waits on the queue (the queue keeps it durably).
  return 'worker';
}
