import type { Task } from '../../src/engine/scheduler';
import type { Simulation } from '../../src/engine/sim';
import type { MessageQueue, Waiter } from '../../src/kit/broker/queue';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { Delivery, MessageQueueApi, QueueSettings } from './api';
import type { consumerMetrics } from './metrics';
import { consumerMachine, type ConsumerIO, type MessageEvent } from './model';

/** A malformed message throws this long into its processing (a parse error). */
export const POISON_FAILS_AFTER_MS = 20;
/** An in-place retry ('retry-here') pauses this long first, as retry helpers do. */
export const RETRY_PAUSE_MS = 100;
/** ReceiveMessage long-poll wait (SQS allows up to 20 s). */
const POLL_WAIT_MS = 20_000;

const ACK_MODES = ['ack-then-process', 'process-then-ack'];
const ERROR_ACTIONS = ['retry-here', 'release', 'leave', 'delete'];

/** What the consumers share: the run, the queue, per-message records and the learner's code. */
export interface Shared {
  sim: Simulation;
  queue: MessageQueue<number>;
  queueActor: () => number;
  m: MetricWriter<typeof consumerMetrics>;
  learner: MessageQueueApi;
  settings: QueueSettings;
  sentAt: number[];
  poison: boolean[];
  processedCount: number[];
  /** Messages a running consumer is working on now (not lost even if acknowledged already). */
  inHand: Set<number>;
  /** Called at each consumer's first receive of a message (the calm-window statistics). */
  onFirstReceive(index: number, waitMs: number): void;
  /** Called when an attempt starts (the scheduled crash picks a busy consumer). */
  onAttempt(consumer: Consumer, workMs: number): void;
}

/** One consumer: its actor and what the model knows about it (up, busy, its waiting receive). */
export interface Consumer {
  id: number;
  name: string;
  up: boolean;
  busy: boolean;
  retiring: boolean;
  waiter: Waiter<number> | undefined;
}

export function spawnConsumer(s: Shared, index: number): Consumer {
  const { sim, m, queue } = s;
  const rng = sim.rng.fork(`consumer-${index}`);
  const c: Consumer = {
    id: -1,
    name: `consumer-${index}`,
    up: false,
    busy: false,
    retiring: false,
    waiter: undefined,
  };
  let ackedFirst = false;
  /** The delete of the message just processed, sent with the next ReceiveMessage. */
  let pendingDelete: MessageEvent | undefined;
  let pollTimer: Task | undefined;
  let current = -1;
  const drop = () => {
    s.inHand.delete(current);
    current = -1;
  };
  const setBusy = (busy: boolean) => {
    if (c.busy === busy) return;
    c.busy = busy;
    m.add('busyConsumers', busy ? 1 : -1);
    m.level('consumerBusyMs', busy ? 1 : -1);
  };
  const setUp = (up: boolean) => {
    if (c.up === up) return;
    c.up = up;
    m.add('consumersUp', up ? 1 : -1);
    m.level('consumerUpMs', up ? 1 : -1);
  };
  const delivery = (e: MessageEvent, attempt: number): Delivery => ({
    messageId: e.index,
    receiveCount: e.receiveCount,
    ageMs: sim.now - (s.sentAt[e.index] as number),
    attemptsHere: attempt,
  });
  const toQueue = (type: 'DELETE' | 'RELEASE', e: MessageEvent) =>
    sim.send(
      c.id,
      s.queueActor(),
      { type, queueId: e.queueId, receipt: e.receipt },
      type === 'DELETE' ? 'Delete' : 'Release',
    );

  const io: ConsumerIO = {
    poll: () => {
      // Only a consumer that is not retiring polls (a restarted one starts afresh).
      c.retiring = false;
      setUp(true);
      const d = pendingDelete;
      pendingDelete = undefined;
      if (d)
        sim.send(
          c.id,
          s.queueActor(),
          { type: 'DELETE', queueId: d.queueId, receipt: d.receipt, thenReceive: true },
          'Delete+Receive',
        );
      else sim.send(c.id, s.queueActor(), { type: 'RECEIVE' }, 'Receive');
      // A long poll lost on the way (a cut link) is given up and sent again.
      sim.scheduler.cancel(pollTimer);
      pollTimer = sim.scheduler.after(POLL_WAIT_MS + 1000, () => {
        pollTimer = undefined;
        if (!c.busy && c.up && !c.retiring) sim.ref(c.id)?.send({ type: 'EMPTY' });
      });
    },
    stopPolling: () => {
      sim.scheduler.cancel(pollTimer);
      if (c.waiter) queue.cancelWait(c.waiter);
      c.waiter = undefined;
    },
    begin: (e, attempt) => {
      if (attempt === 1) {
        sim.scheduler.cancel(pollTimer);
        current = e.index;
        s.inHand.add(current);
        const mode = s.learner.onReceive(delivery(e, 1), s.settings);
        if (!ACK_MODES.includes(mode))
          learnerMistake(
            `onReceive must return ${ACK_MODES.map((x) => `'${x}'`).join(' or ')}; it returned ${String(mode)}`,
          );
        ackedFirst = mode === 'ack-then-process';
        if (ackedFirst) toQueue('DELETE', e);
      }
      setBusy(true);
      const fails = s.poison[e.index] === true;
      if (fails) m.inc('poisonAttempts');
      const workMs =
        (attempt > 1 ? RETRY_PAUSE_MS : 0) +
        (fails ? POISON_FAILS_AFTER_MS : rng.exponential(s.settings.processingMs));
      s.onAttempt(c, workMs);
      return { workMs, fails };
    },
    succeed: (e) => {
      setBusy(false);
      drop();
      const n = (s.processedCount[e.index] = (s.processedCount[e.index] ?? 0) + 1);
      if (n === 1) {
        m.inc('processed');
        m.observe('endToEndLatencyMs', sim.now - (s.sentAt[e.index] as number));
      } else m.inc('duplicates');
      if (!ackedFirst) pendingDelete = e;
    },
    fail: (e, attempt) => {
      setBusy(false);
      const action = s.learner.onError(delivery(e, attempt), s.settings);
      if (!ERROR_ACTIONS.includes(action))
        learnerMistake(
          `onError must return ${ERROR_ACTIONS.map((x) => `'${x}'`).join(', ')}; it returned ${String(action)}`,
        );
      if (action === 'retry-here') return 'retry-here';
      drop();
      if (!ackedFirst && action === 'release') toQueue('RELEASE', e);
      if (!ackedFirst && action === 'delete') toQueue('DELETE', e);
      return 'done';
    },
    giveBack: (e) => toQueue('RELEASE', e),
    retired: () => {
      if (pendingDelete) toQueue('DELETE', pendingDelete);
      pendingDelete = undefined;
      setUp(false);
    },
  };
  // The machine polls as it starts, inside spawn: it needs its id before spawn returns.
  c.id = sim.actors.length;
  const spawned = sim.spawn(c.name, 'consumer', consumerMachine, {
    input: { io },
    onCrash: () => {
      drop();
      pendingDelete = undefined;
      setBusy(false);
      setUp(false);
      io.stopPolling();
      m.inc('consumerCrashes');
    },
  });
  if (spawned !== c.id) throw new Error(`consumer ${c.name} got actor id ${spawned}, expected ${c.id}`);
  return c;
}

/** The queue's side of a consumer's ReceiveMessage: a long poll, answered over the network. */
export function serveReceive(s: Shared, c: Consumer): void {
  const { sim, queue } = s;
  if (c.waiter) queue.cancelWait(c.waiter);
  c.waiter = queue.wait(
    (r) => {
      c.waiter = undefined;
      if (r.receiveCount === 1) s.onFirstReceive(r.body, sim.now - r.sentAt);
      const ev: MessageEvent = {
        type: 'MESSAGE',
        from: s.queueActor(),
        queueId: r.id,
        receipt: r.receipt,
        receiveCount: r.receiveCount,
        index: r.body,
      };
      sim.send(s.queueActor(), c.id, ev, r.receiveCount > 1 ? 'redelivery' : 'message');
    },
    POLL_WAIT_MS,
    () => {
      c.waiter = undefined;
      sim.send(s.queueActor(), c.id, { type: 'EMPTY' }, 'empty');
    },
  );
}
