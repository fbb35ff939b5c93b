import type { Simulation } from '../engine/sim';

/**
 * Runs `fn` when the run reaches its end (virtual time `durationMs`), after every
 * event scheduled for an earlier instant: the place to settle time integrals and to
 * count what is still pending (a connection still held, bytes still buffered).
 * Built on the scheduler alone, so the engine needs no hook for it.
 */
export function atEndOfRun(sim: Simulation, durationMs: number, fn: () => void): void {
  sim.scheduler.at(durationMs, fn);
}
