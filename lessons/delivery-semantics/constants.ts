import type { DeliveryParams } from './params';

/** Figures of the scenario shared by the model, the goals and the theory (no runtime imports). */

/** One-way latency of every link (producer, broker, consumer and database in one zone). */
export const LINK_MS = 1;
/** A crashed consumer (or broker, or database) is restarted this much later by its supervisor. */
export const RESTART_MS = 1000;
/** Kafka's fetch.max.wait.ms default: the broker answers a fetch by then, full batch or not. */
export const FETCH_MAX_WAIT_MS = 500;
/** A request unanswered this long: the consumer gives up and starts again from the committed offset. */
export const REQUEST_TIMEOUT_MS = 5000;
/** The producer stops (and scheduled crashes stop) this long before the end, so the consumer can catch up. */
export const DRAIN_MS = 10_000;
/** The key the learner's handler counts in. */
export const COUNT_KEY = 'count';

/** When the producer stops appending. */
export const producingEndMs = (p: DeliveryParams): number => Math.max(0, p.durationMs - DRAIN_MS);

/** Each scheduled crash falls at a random moment within ± this share of crashEveryMs around its multiple. */
export const CRASH_JITTER = 0.1;

/**
 * The multiples of crashEveryMs before the producer stops: the consumer dies once near each
 * (at a random moment within ±10%, so a crash is unrelated to where the consumer is in its
 * batch cycle).
 */
export function crashSlots(p: DeliveryParams): number[] {
  const out: number[] = [];
  for (let t = p.crashEveryMs; t < producingEndMs(p); t += p.crashEveryMs) out.push(t);
  return out;
}
