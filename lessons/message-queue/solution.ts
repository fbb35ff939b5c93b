import type { AckMode, Delivery, ErrorAction, QueueSettings, QueueStats } from './api';

export function onReceive(delivery: Delivery, settings: QueueSettings): AckMode {
  // Delete only after the work is done: a consumer that dies mid-message leaves it in
  // the queue, and it comes back after the visibility timeout (at-least-once).
  return 'process-then-ack';
}

export function onError(delivery: Delivery, settings: QueueSettings): ErrorAction {
  // Never loop on a message in place, and never drop it: give it back. The queue counts
  // the receives and parks it in the dead-letter queue after maxAttempts, where someone
  // can look at it, while the consumers go on with the rest.
  return 'release';
}

// A backlog above this many messages is more than chance at a sane utilisation.
const SCALE_UP_BACKLOG = 50;
// Drain a backlog within about this many seconds.
const DRAIN_S = 5;

export function desiredConsumers(stats: QueueStats, settings: QueueSettings): number {
  if (stats.backlog > SCALE_UP_BACKLOG) {
    // Enough consumers for what arrives plus the backlog, at 80% busy each.
    const perConsumer = (1000 / settings.processingMs) * 0.8;
    const needed = Math.ceil((stats.arrivalsPerSecond + stats.backlog / DRAIN_S) / perConsumer);
    return Math.min(settings.maxConsumers, Math.max(stats.consumers, needed));
  }
  // Back to the baseline once the queue is empty; in between, keep what runs.
  if (stats.backlog === 0) return settings.consumers;
  return stats.consumers;
}
