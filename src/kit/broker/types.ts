import type { Task } from '../../engine/scheduler';

/** The message queue's public types (see queue.ts for the behaviour and its sources). */

export interface QueueConfig {
  /** How long a received message stays invisible, ms (SQS default 30 s, max 12 h). */
  visibilityTimeoutMs: number;
  /** Receives before the message moves to the dead-letter queue; 0 = no dead-letter queue. */
  maxReceiveCount: number;
}

/** One delivery of a message to a consumer. */
export interface Received<B> {
  readonly id: number;
  readonly body: B;
  /** Identifies this delivery; deletes and visibility changes must name the latest one. */
  readonly receipt: number;
  /** 1 on the first delivery (SQS ApproximateReceiveCount; RabbitMQ redelivered = count > 1). */
  readonly receiveCount: number;
  readonly sentAt: number;
}

export type MessageState = 'visible' | 'inFlight' | 'deleted' | 'deadLettered';

/** A waiting receive (long poll). */
export interface Waiter<B> {
  deliver: (m: Received<B>) => void;
  /** Called when the wait ends with no message. */
  empty?: () => void;
  timer?: Task;
  done: boolean;
}

/** SQS's upper bound on a message's visibility timeout: 12 hours. */
export const MAX_VISIBILITY_MS = 43_200_000;
