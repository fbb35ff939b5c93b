import type { AckMode, Delivery, ErrorAction, QueueSettings, QueueStats } from './api';

// Called when a message reaches this consumer: when should it be acknowledged (deleted)?
export function onReceive(delivery: Delivery, settings: QueueSettings): AckMode {
  // Acknowledge at once: the queue forgets the message and never redelivers it.
  return 'ack-then-process';
}

// Called when processing a message throws.
export function onError(delivery: Delivery, settings: QueueSettings): ErrorAction {
  // Try again until it works.
  return 'retry-here';
}

// Called once a second: how many consumers should be running?
export function desiredConsumers(stats: QueueStats, settings: QueueSettings): number {
  return settings.consumers;
}
