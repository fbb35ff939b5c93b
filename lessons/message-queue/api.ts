/** One delivery of a message to this consumer. */
export interface Delivery {
  /** The message's id (its position in the order the producers sent them). */
  messageId: number;
  /** How many times the queue has handed this message out, this delivery included (1 = first time). */
  receiveCount: number;
  /** Time since the message was sent, ms. */
  ageMs: number;
  /** Attempts this consumer made on this delivery so far (1 on the first attempt, more after 'retry-here'). */
  attemptsHere: number;
}

/** The knobs of the scenario your code runs in. */
export interface QueueSettings {
  /** How long a received message stays hidden from other consumers, ms. */
  visibilityTimeoutMs: number;
  /** Receives before the queue moves a message to the dead-letter queue. */
  maxAttempts: number;
  /** Mean processing time of one message, ms. */
  processingMs: number;
  /** Consumers at the start of the run. */
  consumers: number;
  /** The most consumers the platform will run at once. */
  maxConsumers: number;
}

/**
 * When to acknowledge (delete) a message:
 * - 'ack-then-process': delete it as soon as it arrives, then work on it (RabbitMQ's auto-ack);
 * - 'process-then-ack': work on it, and delete it only once the work succeeded.
 */
export type AckMode = 'ack-then-process' | 'process-then-ack';

/**
 * What to do when processing a message throws:
 * - 'retry-here': process it again on this consumer after a 100 ms pause, keeping the delivery
 *   (the queue's visibility clock keeps running);
 * - 'release': give it back to the queue now (visibility timeout 0; RabbitMQ nack + requeue);
 * - 'leave': do nothing; it reappears when its visibility timeout runs out;
 * - 'delete': give up on it and delete it.
 * Each new receive counts towards maxAttempts; after that the queue dead-letters the message.
 */
export type ErrorAction = 'retry-here' | 'release' | 'leave' | 'delete';

/** What the autoscaler sees, once a second. */
export interface QueueStats {
  nowMs: number;
  /** Visible messages waiting for a consumer. */
  backlog: number;
  /** Messages received and not yet deleted. */
  inFlight: number;
  /** Consumers started and not retired (a crashed one counts until its restart). */
  consumers: number;
  /** Consumers working on a message now. */
  busyConsumers: number;
  /** Messages sent to the queue during the last second. */
  arrivalsPerSecond: number;
  /** Messages processed successfully during the last second. */
  processedPerSecond: number;
}

export interface MessageQueueApi {
  onReceive(delivery: Delivery, settings: QueueSettings): AckMode;
  onError(delivery: Delivery, settings: QueueSettings): ErrorAction;
  desiredConsumers(stats: QueueStats, settings: QueueSettings): number;
}
