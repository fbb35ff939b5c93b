import type { RunMode } from './types';

/** "40 s", "2.5 min", "1 h": a span of virtual time the way the page writes it. */
export function spanText(ms: number): string {
  const trim = (x: number) => String(Math.round(x * 10) / 10);
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${trim(ms / 1000)} s`;
  if (ms < 3_600_000) return `${trim(ms / 60_000)} min`;
  return `${trim(ms / 3_600_000)} h`;
}

/**
 * The sentence that says what an aggregate run shows: the animation covers the part of
 * the run its trace holds, the metrics the whole run. Undefined for a full run.
 */
export function aggregateNote(r: {
  mode?: RunMode;
  traceEndsAtMs?: number;
  durationMs: number;
}): string | undefined {
  if (r.mode !== 'aggregate' || r.traceEndsAtMs === undefined) return undefined;
  return `Animation shows the first ${spanText(r.traceEndsAtMs)}; metrics cover the whole ${spanText(r.durationMs)} run.`;
}

/**
 * Where the animation ends: the end of the trace in an aggregate run (past it there are
 * no events to draw, only metrics), else the end of the run.
 */
export function animationEndMs(r: { mode?: RunMode; traceEndsAtMs?: number; durationMs: number }): number {
  return r.mode === 'aggregate' && r.traceEndsAtMs !== undefined
    ? Math.min(r.traceEndsAtMs, r.durationMs)
    : r.durationMs;
}
