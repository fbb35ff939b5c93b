/** The three steps of handling one write, in the order they run. */
export type Step =
  /** INSERT the post (or the reading) into the database. */
  | 'store'
  /** UPDATE the author's (or device's) counter: total_posts = total_posts + 1. */
  | 'count'
  /** Send the document to the search cluster to be indexed. */
  | 'index';

/** What came in: an author's blog post, or a device's reading. */
export type RequestKind = 'post' | 'reading';

/**
 * Where a step runs:
 * - 'request': inside the request, before the API answers (the caller waits for it);
 * - 'worker': after the answer, by a worker that takes the request's message off the queue.
 */
export type Place = 'request' | 'worker';

/** The knobs of the scenario your code runs in. */
export interface Settings {
  /** Mean rate of blog posts, per second. */
  requestsPerSecond: number;
  /** Workers pulling from the queue. */
  workers: number;
  /** Devices in the burst. */
  burstDevices: number;
  /** Connections in the database's pool, and the mean time of one query (ms). */
  dbConnections: number;
  dbQueryMs: number;
  /** Indexing threads of the search cluster, and the mean time to index one document (ms). */
  searchThreads: number;
  indexMs: number;
}

export interface AsyncWorkersApi {
  /** Called once per step and kind of request at the start of the run: where does the step run? */
  placeStep(step: Step, kind: RequestKind, settings: Settings): Place;
}
