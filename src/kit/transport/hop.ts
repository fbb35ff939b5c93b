import type { Simulation } from '../../engine/sim';
import type { Tone } from '../../engine/trace';

/**
 * One message over the simulated network delivered to a plain callback instead of an
 * xstate event: for hot paths (a replication stream, reads at hundreds per second) where
 * an event per message would be too heavy. It obeys the same link as `sim.send`:
 *
 * - flight = the link's latency (plus its mean jitter, jitterMs/2: no draw, so adding a hop
 *   never shifts another source's random numbers) times its slow-down factor; the link's
 *   loss probability is not applied (a stream over TCP retransmits);
 * - FIFO per link, like one TCP connection (it shares the link's last delivery time with
 *   `sim.send`), so a replication stream never arrives out of order;
 * - dropped when the link is partitioned at send or at arrival, or the destination is down
 *   on arrival (`onDrop`, if given, hears why).
 *
 * `draw` sends the message with `sim.send` too (an event the destination's machine ignores)
 * so the trace and the sequence view show it; the callback then runs when that copy lands.
 */
export interface HopOptions {
  /** Record a copy in the trace under this label (drawn on the page). */
  draw?: string;
  /** How the page colours the drawn copy ('ok', 'warn', 'bad'); only with `draw`. */
  tone?: Tone;
  onDrop?: (why: 'partition' | 'down') => void;
}

export function hop(
  sim: Simulation,
  from: number,
  to: number,
  onArrive: () => void,
  options: HopOptions = {},
): void {
  const link = sim.net.link(from, to);
  if (link.partitioned) {
    if (options.draw !== undefined) sim.send(from, to, { type: 'HOP' }, options.draw, options.tone);
    options.onDrop?.('partition');
    return;
  }
  let at: number;
  if (options.draw !== undefined) {
    sim.send(from, to, { type: 'HOP' }, options.draw, options.tone);
    at = link.lastDelivery;
  } else {
    const jitter = link.jitterMs > 0 ? link.jitterMs * 0.5 : 0;
    at = Math.max(sim.now + (link.latencyMs + jitter) * link.slow, link.lastDelivery);
    link.lastDelivery = at;
  }
  sim.scheduler.at(at, () => {
    if (link.partitioned) return options.onDrop?.('partition');
    if (!sim.isUp(to)) return options.onDrop?.('down');
    onArrive();
  });
}
