import type { MessageQueueParams } from './params';

/** Figures of the scenario shared by the model, the goals and the theory (no runtime imports). */

/** One-way latency of every link (producers, consumers and the queue are in one region). */
export const LINK_MS = 1;
/** A consumer killed by `crashAtMs` is restarted this much later (its supervisor). */
export const RESTART_AFTER_MS = 5000;
export const MAX_CONSUMERS = 40;
export const PRODUCERS = 2;
/** The calm window starts after this warm-up (the queue starts empty). */
export const WARMUP_MS = 5000;
/** The spike counts as drained once the backlog is back under this many messages. */
export const DRAINED_BELOW = 20;

/** The calm window [start, end): after the warm-up, before any scheduled crash or spike. */
export function calmWindow(p: MessageQueueParams): { startMs: number; endMs: number } {
  const end = Math.min(
    p.durationMs,
    p.crashAtMs > 0 ? p.crashAtMs : Infinity,
    p.spikeFactor > 1 ? p.spikeAtMs : Infinity,
  );
  return { startMs: WARMUP_MS, endMs: Math.max(WARMUP_MS, end) };
}
