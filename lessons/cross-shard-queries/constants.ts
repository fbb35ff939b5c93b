/** Figures the model, the theory and the page share (no machines here: the page loads this). */

/** Users in the table (ids 0 .. USERS − 1). */
export const USERS = 100_000;
/** Share of queries by user id (the shard key); the rest are by email. */
export const BY_ID_SHARE = 0.5;
/** Mean time a shard takes to serve one request (a lookup, a row read or a write), exponential, ms. */
export const SERVICE_MS = 1;
/** One-way network latency router ↔ shard and indexer ↔ shard, ms (fixed: the theory adds it as a constant). */
export const NET_MS = 1;
/** A shard request that gets no answer (partition) is given up after this long, ms. */
export const REQUEST_TIMEOUT_MS = 1000;
/** Seed of the email hash (independent of the user-id hash that places rows). */
export const EMAIL_SEED = 0x5eed;
/** How often a held index update is offered again while the indexer or its partition is down, ms. */
export const RETRY_MS = 100;
/** Queries per second drawn on the page (the others run the same way, unseen). */
export const DRAWN_PER_SECOND = 4;
/** Window over which each shard's load bar is measured, ms. */
export const LOAD_WINDOW_MS = 500;
