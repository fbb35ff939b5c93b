import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { QueueStats } from './api';
import type { Consumer, Shared } from './consumers';

/** How often the platform asks the learner's rule how many consumers to run. */
export const SCALE_EVERY_MS = 1000;

/**
 * Once a second, asks `desiredConsumers` and starts or retires consumers to match:
 * retired ones are started again first, new ones spawned after; the newest retire first
 * (each finishes the message in hand).
 */
export function startAutoscaler(s: Shared, consumers: Consumer[], spawn: () => void): void {
  const { sim, queue } = s;
  let lastSent = 0;
  let lastProcessed = 0;
  const tick = () => {
    // Crashed consumers still count: their supervisor (or the fault panel) restarts them;
    // the autoscaler only starts and retires.
    const running = consumers.filter((c) => !c.retiring);
    const sent = queue.sent;
    const processed = s.m.count('processed');
    const stats: QueueStats = {
      nowMs: sim.now,
      backlog: queue.visible,
      inFlight: queue.inFlight,
      consumers: running.length,
      busyConsumers: running.filter((c) => c.busy).length,
      arrivalsPerSecond: ((sent - lastSent) * 1000) / SCALE_EVERY_MS,
      processedPerSecond: ((processed - lastProcessed) * 1000) / SCALE_EVERY_MS,
    };
    lastSent = sent;
    lastProcessed = processed;
    const want = s.learner.desiredConsumers(stats, s.settings);
    if (typeof want !== 'number' || !Number.isFinite(want))
      learnerMistake(`desiredConsumers must return a number; it returned ${String(want)}`);
    const target = Math.max(1, Math.min(s.settings.maxConsumers, Math.round(want)));
    let n = running.length;
    for (const c of consumers) {
      if (n >= target) break;
      if (!c.up && c.retiring) {
        c.retiring = false;
        sim.ref(c.id)?.send({ type: 'START' });
        n++;
      }
    }
    while (n < target) {
      spawn();
      n++;
    }
    for (let i = running.length - 1; i >= 0 && n > target; i--) {
      const c = running[i] as Consumer;
      c.retiring = true;
      sim.ref(c.id)?.send({ type: 'RETIRE' });
      n--;
    }
    sim.scheduler.after(SCALE_EVERY_MS, tick);
  };
  sim.scheduler.after(SCALE_EVERY_MS, tick);
}
