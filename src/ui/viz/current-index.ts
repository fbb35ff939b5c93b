import type { TraceIndex } from './viz-module';

/**
 * The TraceIndex of the run on screen, shared by the views and the Step buttons.
 * Kept outside the store: it is derived, large, and changes only with the run.
 */
let current: { runKey: object; index: TraceIndex } | undefined;
/** Runs (or previews) whose views have been drawn; the benchmark times Run to the next one. */
let drawn = 0;

export function setCurrentIndex(runKey: object, index: TraceIndex): void {
  current = { runKey, index };
  drawn++;
}

export function runsDrawn(): number {
  return drawn;
}

export function currentIndex(runKey: object | null): TraceIndex | undefined {
  return current && current.runKey === runKey ? current.index : undefined;
}
