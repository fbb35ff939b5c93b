import type { AsyncWorkersParams } from './params';

/** Figures of the scenario shared by the model, the goals and the theory (no runtime imports). */

/** One-way latency of every link (clients aside, everything sits in one zone). */
export const LINK_MS = 1;
/** Connections in the database's pool: at most this many queries run at once. */
export const DB_CONNECTIONS = 10;
/** Mean time of one database query (insert or update), ms; exponential. */
export const DB_QUERY_MS = 5;
/** Indexing threads of the search cluster. */
export const SEARCH_THREADS = 8;
/** Mean time to index one document, ms; exponential. */
export const INDEX_MS = 10;
/** How long a received message stays hidden (SQS default 30 s; shortened so a redelivery shows within a run). */
export const VISIBILITY_TIMEOUT_MS = 10_000;
/** Receives before a message moves to the dead-letter queue (SQS maxReceiveCount). */
export const MAX_RECEIVES = 5;
/** The API gives up on a SendMessage that got no answer within this long and answers 503. */
export const PUBLISH_TIMEOUT_MS = 1000;
/** The devices of the burst all report within this window (their clocks agree to about a second). */
export const BURST_SPREAD_MS = 1000;
/** How late a post count or a search result may be (the caught-up goal). */
export const CONSISTENCY_LIMIT_MS = 30_000;
/** The calm window starts after this warm-up (the queue and the pools start empty). */
export const WARMUP_MS = 5000;

/** The calm window [start, end): after the warm-up, before the burst. */
export function calmWindow(p: AsyncWorkersParams): { startMs: number; endMs: number } {
  const end = Math.min(p.durationMs, p.burstDevices > 0 ? p.burstAtMs : Infinity);
  return { startMs: WARMUP_MS, endMs: Math.max(WARMUP_MS, end) };
}
