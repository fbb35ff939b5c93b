import type { Simulation } from '../engine/sim';
import { EventKind } from '../engine/trace';

/**
 * A message that dies outside the network (a full send buffer, a tab not connected,
 * a server that discarded it): recorded in the trace as a drop at the place it died,
 * so the space-time diagram marks it, as the network marks its own drops
 * (partition, loss, destination down).
 */
export function recordDrop(sim: Simulation, from: number, to: number, where: string): void {
  sim.trace.push(EventKind.Drop, sim.now, from, to, sim.trace.intern(where), -1);
}
