import type { Task } from '../../src/engine/scheduler';
import type { Waiter } from '../../src/kit/broker/queue';
import { workerMachine, type JobEvent, type WorkerIO } from './model';
import { QUERY_LABEL, stepBit, type Req, type World } from './shared';

/** ReceiveMessage long-poll wait (SQS allows up to 20 s). */
export const POLL_WAIT_MS = 20_000;

/** One worker as the broker sees it: its actor and its waiting receive. */
export interface Worker {
  id: number;
  waiter: Waiter<number> | undefined;
}

/**
 * A worker process: takes one message at a time from the queue, runs the request's
 * deferred steps against the database and the search cluster, then deletes the message
 * (the delete rides on its next ReceiveMessage). Dies only from the fault panel.
 */
export function spawnWorker(w: World, index: number): Worker {
  const { sim, m, queue } = w;
  const me: Worker = { id: -1, waiter: undefined };
  let up = false;
  let busy = false;
  let pendingDelete: JobEvent | undefined;
  let pollTimer: Task | undefined;
  const setBusy = (b: boolean) => {
    if (busy === b) return;
    busy = b;
    m.add('busyWorkers', b ? 1 : -1);
  };
  const setUp = (u: boolean) => {
    if (up === u) return;
    up = u;
    m.add('workersUp', u ? 1 : -1);
  };

  const io: WorkerIO = {
    poll: () => {
      setUp(true);
      const d = pendingDelete;
      pendingDelete = undefined;
      if (d)
        sim.send(
          me.id,
          w.actors.broker,
          { type: 'DELETE', queueId: d.queueId, receipt: d.receipt, thenReceive: true },
          'Delete+Receive',
        );
      else sim.send(me.id, w.actors.broker, { type: 'RECEIVE' }, 'Receive');
      // A long poll lost on the way (a cut link, a broker restart) is given up and sent again.
      sim.scheduler.cancel(pollTimer);
      pollTimer = sim.scheduler.after(POLL_WAIT_MS + 1000, () => {
        pollTimer = undefined;
        if (up && !busy) sim.ref(me.id)?.send({ type: 'EMPTY' });
      });
    },
    steps: (job) => (w.reqs[job.request] as Req).deferred,
    run: (job, step) => {
      sim.scheduler.cancel(pollTimer);
      const r = w.reqs[job.request] as Req;
      if (r.applied & stepBit(step)) m.inc('repeatedSteps');
      sim.send(me.id, w.storeFor(step), { type: 'QUERY', request: job.request, step }, QUERY_LABEL[step]);
    },
    finish: (job) => {
      pendingDelete = job;
      const r = w.reqs[job.request] as Req;
      if (r.deferredDoneAt !== undefined) return;
      r.deferredDoneAt = sim.now;
      m.inc('deferredDone');
      // The answer may still be on its way when a fast worker is done: then nothing was late.
      if (r.answeredAt !== undefined) m.observe('consistencyDelayMs', sim.now - r.answeredAt);
    },
    busy: setBusy,
  };
  me.id = sim.actors.length;
  const spawned = sim.spawn(`worker-${index}`, 'worker', workerMachine, {
    input: { io },
    onCrash: () => {
      pendingDelete = undefined;
      setBusy(false);
      setUp(false);
      sim.scheduler.cancel(pollTimer);
      if (me.waiter) queue.cancelWait(me.waiter);
      me.waiter = undefined;
      m.inc('workerCrashes');
    },
  });
  if (spawned !== me.id) throw new Error(`worker-${index} got actor id ${spawned}, expected ${me.id}`);
  return me;
}

/** The broker's side of a worker's ReceiveMessage: a long poll, answered over the network. */
export function serveReceive(w: World, worker: Worker): void {
  const { sim, queue } = w;
  if (worker.waiter) queue.cancelWait(worker.waiter);
  worker.waiter = queue.wait(
    (r) => {
      worker.waiter = undefined;
      if (r.receiveCount === 1 && w.inCalm(r.sentAt)) w.m.observe('steadyQueueWaitMs', sim.now - r.sentAt);
      const ev: JobEvent = {
        type: 'JOB',
        from: w.actors.broker,
        queueId: r.id,
        receipt: r.receipt,
        receiveCount: r.receiveCount,
        request: r.body,
      };
      sim.send(w.actors.broker, worker.id, ev, r.receiveCount > 1 ? 'redelivery' : 'message');
    },
    POLL_WAIT_MS,
    () => {
      worker.waiter = undefined;
      sim.send(w.actors.broker, worker.id, { type: 'EMPTY' }, 'empty');
    },
  );
}
