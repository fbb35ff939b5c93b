import type { Task } from '../../src/engine/scheduler';
import type { Place, RequestKind, Step } from './api';
import { PUBLISH_TIMEOUT_MS } from './constants';
import { apiMachine, type ApiIO } from './model';
import { QUERY_LABEL, type Req, type World } from './shared';

/** Where each step of each kind of request runs, as decided once at the start of the run. */
export type Placement = Record<RequestKind, Record<Step, Place>>;

/**
 * The API server. Per request: run the inline steps one after the other (each a query to
 * the database or the search cluster), then, if steps are left for the workers, publish
 * one message naming the request (SQS SendMessage, answered once the queue stored it),
 * then answer. A publish with no answer within PUBLISH_TIMEOUT_MS is given up: 503.
 */
export function spawnApi(w: World): number {
  const { sim, m, reqs } = w;
  const publishTimers = new Map<number, Task>();
  const inProgress = new Set<number>();

  const runStep = (id: number, r: Req) =>
    sim.send(
      w.actors.api,
      w.storeFor(r.inline[r.next] as Step),
      { type: 'QUERY', request: id, step: r.inline[r.next] },
      QUERY_LABEL[r.inline[r.next] as Step],
    );

  const answer = (id: number, r: Req, status: '201 Created' | '202 Accepted' | '503') => {
    inProgress.delete(id);
    if (status === '503') {
      m.inc('publishFailures');
      sim.send(w.actors.api, r.client, { type: 'ANSWER', request: id }, status);
      return;
    }
    r.answeredAt = sim.now;
    const ms = sim.now - r.arrivedAt;
    m.inc('answered');
    m.observe('apiLatencyMs', ms, r.kind);
    if (r.kind === 'post' && w.inCalm(r.arrivedAt)) m.observe('steadyApiLatencyMs', ms);
    if (r.kind === 'post' && r.storedAt === undefined) m.inc('unstoredAtAnswer');
    if (r.deferred.length === 0) m.observe('consistencyDelayMs', 0);
    else if (r.deferredDoneAt !== undefined) m.observe('consistencyDelayMs', 0);
    sim.send(w.actors.api, r.client, { type: 'ANSWER', request: id }, status);
  };

  const afterInline = (id: number, r: Req) => {
    if (r.deferred.length === 0) return answer(id, r, '201 Created');
    sim.send(w.actors.api, w.actors.broker, { type: 'SEND', request: id }, 'SendMessage');
    publishTimers.set(
      id,
      sim.scheduler.after(PUBLISH_TIMEOUT_MS, () => {
        publishTimers.delete(id);
        answer(id, r, '503');
      }),
    );
  };

  const io: ApiIO = {
    request: (_from, id) => {
      const r = reqs[id] as Req;
      r.arrivedAt = sim.now;
      inProgress.add(id);
      if (r.inline.length > 0) runStep(id, r);
      else afterInline(id, r);
    },
    stepDone: (id) => {
      const r = reqs[id];
      if (!r || !inProgress.has(id)) return;
      r.next++;
      if (r.next < r.inline.length) runStep(id, r);
      else afterInline(id, r);
    },
    stored: (id) => {
      const r = reqs[id];
      const timer = publishTimers.get(id);
      if (!r || timer === undefined) return; // already answered 503
      sim.scheduler.cancel(timer);
      publishTimers.delete(id);
      answer(id, r, '202 Accepted');
    },
  };
  return sim.spawn('api', 'api', apiMachine, {
    input: { io },
    // Requests in the process die with it; the callers see a reset connection.
    onCrash: () => {
      m.inc('requestsLost', inProgress.size);
      inProgress.clear();
      for (const t of publishTimers.values()) sim.scheduler.cancel(t);
      publishTimers.clear();
    },
  });
}
