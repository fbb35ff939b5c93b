import type { Simulation } from '../../src/engine/sim';
import type { MessageQueue } from '../../src/kit/broker/queue';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { RequestKind, Step } from './api';
import type { workMetrics } from './metrics';

export const STEPS: readonly Step[] = ['store', 'count', 'index'];

/** One write the API took in, from arrival to its last deferred step. */
export interface Req {
  kind: RequestKind;
  client: number;
  arrivedAt: number;
  /** Steps run inside the request, then those left to the workers (each in STEPS order). */
  inline: readonly Step[];
  deferred: readonly Step[];
  /** Inline steps finished so far. */
  next: number;
  answeredAt: number | undefined;
  /** When the record was stored (the 'store' step finished), by the API or a worker. */
  storedAt: number | undefined;
  /** When a worker first finished the deferred steps. */
  deferredDoneAt: number | undefined;
  /** Steps applied so far, one bit per step (a second application is a repeat). */
  applied: number;
}

/** What the API, the stores, the broker and the workers share within one run. */
export interface World {
  sim: Simulation;
  m: MetricWriter<typeof workMetrics>;
  queue: MessageQueue<number>;
  reqs: Req[];
  actors: { api: number; db: number; search: number; broker: number };
  /** Where a step goes: the database (store, count) or the search cluster (index). */
  storeFor(step: Step): number;
  /** The calm window, for the statistics theory is checked against. */
  inCalm(t: number): boolean;
}

export const stepBit = (step: Step) => 1 << STEPS.indexOf(step);

/** Labels of the queries on the topology, as the stores would log them. */
export const QUERY_LABEL: Record<Step, string> = {
  store: 'INSERT',
  count: 'UPDATE count+1',
  index: 'index doc',
};
