import type { MetricKey } from '../../src/kit/metrics/table';
import { mmc } from '../../src/kit/theory/queueing';
import type { TheoryClaim } from '../../src/lesson/types';
import { calmWindow, DB_CONNECTIONS, DB_QUERY_MS, INDEX_MS, LINK_MS, SEARCH_THREADS } from './constants';
import type { asyncWorkersMetrics } from './metrics';
import type { AsyncWorkersParams } from './params';

type Claim = TheoryClaim<AsyncWorkersParams, MetricKey<typeof asyncWorkersMetrics>>;

/**
 * In the calm window only blog posts arrive (Poisson, λ). Either way the database gets two
 * queries per post (INSERT, UPDATE) and the search cluster one document: in sync mode from
 * the API, in async mode (with the reference placement: store in the request, count and
 * index on a worker) one query from each.
 */
const lambda = (p: AsyncWorkersParams) => p.requestsPerSecond;
const db = (p: AsyncWorkersParams) => mmc(2 * lambda(p), DB_CONNECTIONS, DB_QUERY_MS);
const search = (p: AsyncWorkersParams) => mmc(lambda(p), SEARCH_THREADS, INDEX_MS);
/** One call: a round trip plus the M/M/c wait and the service. */
const dbCall = (p: AsyncWorkersParams) => 2 * LINK_MS + db(p).meanWaitMs + DB_QUERY_MS;
const indexCall = (p: AsyncWorkersParams) => 2 * LINK_MS + search(p).meanWaitMs + INDEX_MS;

/**
 * A worker, seen from the queue, is held from the delivery of a message until its next
 * ReceiveMessage arrives: one transit, the UPDATE, the indexing, one more transit.
 */
const slotMs = (p: AsyncWorkersParams) => 2 * LINK_MS + dbCall(p) + indexCall(p);
/** Allen–Cunneen for M/G/c: Wq ≈ Wq(M/M/c) × (1 + Cs²)/2; the slot's variance is that of its two exponentials. */
const shape = (p: AsyncWorkersParams) => (1 + (DB_QUERY_MS ** 2 + INDEX_MS ** 2) / slotMs(p) ** 2) / 2;
const workers = (p: AsyncWorkersParams) => mmc(lambda(p), p.workers, slotMs(p));

/** Posts in the calm window: enough for a mean to settle within the tolerances. */
const calmPosts = (p: AsyncWorkersParams) => {
  const w = calmWindow(p);
  return (lambda(p) * (w.endMs - w.startMs)) / 1000;
};

/** Stable pools, far enough from saturation for the averages to converge, and enough posts. */
function steady(p: AsyncWorkersParams): boolean {
  return (
    db(p).utilization <= 0.75 &&
    search(p).utilization <= 0.75 &&
    (p.mode === 'sync' || workers(p).utilization <= 0.75) &&
    calmPosts(p) >= 300
  );
}

/** The work queue's mean wait is dominated by a few long waits: it needs more messages to settle. */
const steadyQueue = (p: AsyncWorkersParams) => p.mode === 'async' && steady(p) && calmPosts(p) >= 2500;

const ASSUMPTIONS =
  'Calm window (after a 5 s warm-up, before the burst): Poisson posts at λ; the database is M/M/c with 10 connections and 5 ms queries, the search cluster M/M/c with 8 threads and 10 ms documents; each call adds a 2 ms round trip.';

export const asyncWorkersTheory: Claim[] = [
  {
    metric: 'steadyApiLatencyMs',
    field: 'mean',
    title: 'Synchronous API latency (sum of the steps)',
    formula: 'W = 2·(2L + S_db + Wq_db) + (2L + S_idx + Wq_idx),  Wq from Erlang C',
    why: `${ASSUMPTIONS} The request waits for every step in turn, so its latency is the sum of the calls; the database sees 2λ queries/s, the search cluster λ documents/s.`,
    unit: 'ms',
    predict: (p) => (p.mode === 'sync' && steady(p) ? 2 * dbCall(p) + indexCall(p) : undefined),
    tolerance: { relative: 0.08, absolute: 1 },
  },
  {
    metric: 'steadyApiLatencyMs',
    field: 'mean',
    title: 'API latency, post stored in the request and the rest queued',
    formula: 'W = (2L + S_db + Wq_db) + 2L',
    why: `${ASSUMPTIONS} With the reference placement the author waits for the INSERT and for SendMessage (one more round trip) only.`,
    unit: 'ms',
    predict: (p) => (p.mode === 'async' && steady(p) ? dbCall(p) + 2 * LINK_MS : undefined),
    tolerance: { relative: 0.1, absolute: 1 },
  },
  {
    metric: 'steadyQueueWaitMs',
    field: 'mean',
    title: 'Mean wait in the work queue (Erlang C)',
    formula: 'Wq = C(c, λS′)/(c/S′ − λ) × (1 + Cs²)/2,  S′ = 6L + S_db + S_idx + waits',
    why: `${ASSUMPTIONS} The c workers are the servers of an M/G/c queue; a worker is held S′ per message (delivery, UPDATE, indexing, its next ReceiveMessage). Allen–Cunneen corrects Erlang C for S′ not being exponential.`,
    unit: 'ms',
    predict: (p) => (steadyQueue(p) ? workers(p).meanWaitMs * shape(p) : undefined),
    // At 200 posts/s (ρ = 0.7) over the 25 s calm window, the mean wait varies by about a
    // fifth between seeds; over 120 s runs it is within 5% of the prediction.
    tolerance: { relative: 0.45, absolute: 1 },
  },
  {
    metric: 'steadyMeanBacklog',
    title: "Mean backlog of the work queue (Little's law)",
    formula: 'Lq = λ · Wq',
    why: `Little's law holds for any stable queue: the mean number of messages waiting is the arrival rate times their mean wait, with Wq from the claim above. ${ASSUMPTIONS}`,
    unit: 'messages',
    predict: (p) => (steadyQueue(p) ? (lambda(p) / 1000) * workers(p).meanWaitMs * shape(p) : undefined),
    tolerance: { relative: 0.5, absolute: 0.1 },
  },
];
