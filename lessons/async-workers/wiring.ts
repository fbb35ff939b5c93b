import type { Simulation } from '../../src/engine/sim';
import { MessageQueue } from '../../src/kit/broker/queue';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { AsyncWorkersApi, Place, RequestKind, Settings } from './api';
import { spawnApi, type Placement } from './api-server';
import {
  BURST_SPREAD_MS,
  calmWindow,
  CONSISTENCY_LIMIT_MS,
  DB_CONNECTIONS,
  DB_QUERY_MS,
  INDEX_MS,
  LINK_MS,
  MAX_RECEIVES,
  SEARCH_THREADS,
  VISIBILITY_TIMEOUT_MS,
} from './constants';
import { workMetrics } from './metrics';
import { brokerMachine, clientMachine, type BrokerIO } from './model';
import type { AsyncWorkersParams } from './params';
import { STEPS, type Req, type World } from './shared';
import { spawnStores } from './stores';
import { serveReceive, spawnWorker, type Worker } from './workers';

const PLACES: readonly Place[] = ['request', 'worker'];

/** Asks the learner's placeStep once per step and kind (sync mode: everything inline, nothing asked). */
function placement(p: AsyncWorkersParams, learner: AsyncWorkersApi, s: Settings): Placement {
  const plan = (kind: RequestKind) => {
    const out = { store: 'request', count: 'request', index: 'request' } as Record<
      (typeof STEPS)[number],
      Place
    >;
    if (p.mode === 'sync') return out;
    for (const step of STEPS) {
      const place = learner.placeStep(step, kind, s);
      if (!PLACES.includes(place))
        learnerMistake(
          `placeStep must return 'request' or 'worker'; it returned ${String(place)} for ${step} of a ${kind}`,
        );
      out[step] = place;
    }
    return out;
  };
  return { post: plan('post'), reading: plan('reading') };
}

/**
 * One run: authors (Poisson) and a burst of devices POST to the API; the API runs the
 * inline steps against the database and the search cluster (kit Stations, M/M/c), publishes
 * the rest to a work queue (the kit's MessageQueue, modelled on an SQS standard queue:
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-visibility-timeout.html)
 * and answers; workers long-poll the queue, run the steps and delete the message, as
 * RabbitMQ work-queue workers do with prefetch 1 and manual acks
 * (https://www.rabbitmq.com/tutorials/tutorial-two-javascript).
 */
export function buildAsyncWorkers(sim: Simulation, p: AsyncWorkersParams, learner: AsyncWorkersApi): void {
  sim.net.defaults = { latencyMs: LINK_MS, jitterMs: 0, loss: 0 };
  const m = new MetricWriter(sim.metrics, workMetrics, () => sim.now);
  const settings: Settings = {
    requestsPerSecond: p.requestsPerSecond,
    workers: p.workers,
    burstDevices: p.burstDevices,
    dbConnections: DB_CONNECTIONS,
    dbQueryMs: DB_QUERY_MS,
    searchThreads: SEARCH_THREADS,
    indexMs: INDEX_MS,
  };
  const plan = placement(p, learner, settings);
  const queue = new MessageQueue<number>(sim, {
    visibilityTimeoutMs: VISIBILITY_TIMEOUT_MS,
    maxReceiveCount: MAX_RECEIVES,
  });
  const calm = calmWindow(p);
  const reqs: Req[] = [];
  const workers: Worker[] = [];
  const w: World = {
    sim,
    m,
    queue,
    reqs,
    actors: { api: -1, db: -1, search: -1, broker: -1 },
    storeFor: (step) => (step === 'index' ? w.actors.search : w.actors.db),
    inCalm: (t) => t >= calm.startMs && t < calm.endMs,
  };

  const authors = sim.spawn('authors', 'client', clientMachine);
  const devices = sim.spawn('devices', 'client', clientMachine);
  w.actors.api = spawnApi(w);
  Object.assign(w.actors, spawnStores(w));
  const io: BrokerIO = {
    send: (from, request) => {
      const queueId = queue.send(request);
      sim.send(w.actors.broker, from, { type: 'STORED', request, queueId }, 'stored');
    },
    receive: (from) => {
      const worker = workers.find((x) => x.id === from);
      if (worker) serveReceive(w, worker);
    },
    remove: (queueId, receipt) => queue.delete({ id: queueId, receipt }),
  };
  w.actors.broker = sim.spawn('queue', 'queue', brokerMachine, {
    input: { io },
    // The messages are durable (SQS keeps copies in several zones); the long polls die with the front end.
    onCrash: () => {
      for (const x of workers) if (x.waiter) queue.cancelWait(x.waiter);
    },
  });
  for (let i = 1; i <= p.workers; i++) workers.push(spawnWorker(w, i));

  const send = (kind: RequestKind, from: number) => {
    const id = reqs.length;
    const place = plan[kind];
    reqs.push({
      kind,
      client: from,
      arrivedAt: sim.now,
      inline: STEPS.filter((s) => place[s] === 'request'),
      deferred: STEPS.filter((s) => place[s] === 'worker'),
      next: 0,
      answeredAt: undefined,
      storedAt: undefined,
      deferredDoneAt: undefined,
      applied: 0,
    });
    m.inc('requests', 1, kind);
    sim.send(
      from,
      w.actors.api,
      { type: 'REQUEST', request: id },
      kind === 'post' ? 'POST /posts' : 'POST /readings',
    );
  };
  poisson(sim.scheduler, sim.rng.fork('authors'), p.requestsPerSecond, () => send('post', authors));
  if (p.burstDevices > 0 && p.burstAtMs < p.durationMs) {
    const rng = sim.rng.fork('devices');
    sim.scheduler.at(p.burstAtMs, () => sim.ref(devices)?.send({ type: 'BURST' }));
    for (let i = 0; i < p.burstDevices; i++)
      sim.scheduler.at(p.burstAtMs + rng.uniform(0, BURST_SPREAD_MS), () => send('reading', devices));
    sim.scheduler.at(p.burstAtMs + BURST_SPREAD_MS, () => sim.ref(devices)?.send({ type: 'CALM' }));
  }

  watchDbLoad(sim, m, p.durationMs);
  let startArea = 0;
  sim.scheduler.at(calm.startMs, () => (startArea = queue.backlogArea()));
  const closeCalm = () => m.inc('steadyBacklogArea', queue.backlogArea() - startArea);
  if (calm.endMs < p.durationMs) sim.scheduler.at(calm.endMs, closeCalm);
  atEndOfRun(sim, p.durationMs, () => {
    if (calm.endMs >= p.durationMs) closeCalm();
    queue.settle();
    m.settle();
    for (const r of reqs)
      if (
        r.deferredDoneAt === undefined &&
        r.deferred.length > 0 &&
        r.answeredAt !== undefined &&
        p.durationMs - r.answeredAt > CONSISTENCY_LIMIT_MS
      )
        m.inc('overdueAtEnd');
  });
}

/** Queries reaching the database per whole second: a gauge for the chart and the run's peak. */
function watchDbLoad(sim: Simulation, m: MetricWriter<typeof workMetrics>, durationMs: number): void {
  let last = 0;
  let peak = 0;
  const tick = () => {
    const now = m.count('dbQueries');
    const perSecond = now - last;
    last = now;
    peak = Math.max(peak, perSecond);
    m.set('dbQueriesPerSecond', perSecond);
    if (sim.now + 1000 <= durationMs) sim.scheduler.after(1000, tick);
    else m.inc('dbLoadPeakPerSecond', peak);
  };
  m.set('dbQueriesPerSecond', 0);
  sim.scheduler.after(1000, tick);
}
