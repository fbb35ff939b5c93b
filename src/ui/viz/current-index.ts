import type { TraceIndex } from './viz-api';

/**
 * The TraceIndex of the run on screen, shared by the views and the Step buttons.
 * Kept outside the store: it is derived, large, and changes only with the run.
 */
let current: { runKey: object; index: TraceIndex } | undefined;

export function setCurrentIndex(runKey: object, index: TraceIndex): void {
  current = { runKey, index };
}

export function currentIndex(runKey: object | null): TraceIndex | undefined {
  return current && current.runKey === runKey ? current.index : undefined;
}
