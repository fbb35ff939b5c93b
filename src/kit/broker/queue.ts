import type { Task } from '../../engine/scheduler';
import type { Simulation } from '../../engine/sim';
import { MetricWriter } from '../metrics/writer';
import { LazyFifo } from './fifo';
import { queueMetrics } from './metrics';
import { MAX_VISIBILITY_MS, type MessageState, type QueueConfig, type Received, type Waiter } from './types';

export { MAX_VISIBILITY_MS, type MessageState, type QueueConfig, type Received, type Waiter };

/**
 * A message queue modelled on an Amazon SQS standard queue
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/), with
 * the RabbitMQ equivalents noted where they differ (https://www.rabbitmq.com/docs/confirms):
 *
 * - Receiving does not delete: a received message stays in the queue, invisible to
 *   other consumers for the visibility timeout, and reappears to all of them unless a
 *   consumer deletes it first (sqs-visibility-timeout.html). So a consumer that crashes or
 *   is slower than the timeout causes a redelivery: at-least-once, with duplicates.
 *   (RabbitMQ: an unacked delivery is requeued when its channel closes, redelivered=true.)
 * - Every receive gives a new receipt; a delete must name the latest one, else it has no
 *   effect (SQS: "the request succeeds, but the message might not be deleted").
 * - ChangeMessageVisibility sets a new timeout counted from the call, 0 to 12 h; 0 makes the
 *   message visible at once (RabbitMQ: basic.nack with requeue)
 *   (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ChangeMessageVisibility.html).
 * - Redrive: when the receive count passes maxReceiveCount the message moves to the
 *   dead-letter queue (sqs-dead-letter-queues.html). SQS checks at the receive that would
 *   pass it; this model moves the message when it would become visible again, which
 *   gives the same bound (at most maxReceiveCount receives) and shows it in the DLQ at once.
 * - Order is best-effort in SQS standard queues; this model hands out visible messages
 *   oldest-visible first, and a redelivered message joins the back.
 * - Long polling (WaitTimeSeconds up to 20 s): a receive waits for a message to arrive;
 *   waiting receives are served first come, first served (quotas-queues.html).
 *
 * Time comes from the scheduler only; the queue draws no random numbers, so its order is
 * a function of its calls. Every message ends in one fate: deleted, dead-lettered, or still
 * visible / in flight when the run ends.
 */

interface Message<B> {
  id: number;
  body: B;
  sentAt: number;
  receiveCount: number;
  receipt: number;
  state: MessageState;
  timer: Task | undefined;
}

export class MessageQueue<B> {
  private readonly messages: Message<B>[] = [];
  /** Visible message ids, oldest first; entries whose message was deleted meanwhile are skipped. */
  private readonly visibleIds = new LazyFifo();
  private readonly waiters: Waiter<B>[] = [];
  private receiptSeq = 0;
  private readonly m: MetricWriter<typeof queueMetrics>;
  readonly deadLetters: number[] = [];

  constructor(
    private readonly sim: Simulation,
    readonly config: QueueConfig,
  ) {
    if (!(config.visibilityTimeoutMs >= 0 && config.visibilityTimeoutMs <= MAX_VISIBILITY_MS))
      throw new RangeError('visibility timeout must be within 0 ms .. 12 h');
    this.m = new MetricWriter(sim.metrics, queueMetrics, () => sim.now);
  }

  /** SendMessage: stores the message, visible at once. Returns its id. */
  send(body: B): number {
    const msg: Message<B> = {
      id: this.messages.length,
      body,
      sentAt: this.sim.now,
      receiveCount: 0,
      receipt: -1,
      state: 'visible',
      timer: undefined,
    };
    this.messages.push(msg);
    this.m.inc('messagesSent');
    this.m.add('queueDepth', 1);
    this.makeVisible(msg);
    return msg.id;
  }

  /** ReceiveMessage without waiting (short poll): the oldest visible message, if any. */
  tryReceive(): Received<B> | undefined {
    const msg = this.popVisible();
    return msg && this.receive(msg);
  }

  /**
   * ReceiveMessage with long polling: `deliver` is called (now or when a message becomes
   * visible) with one message, or `empty` after `waitMs` with none.
   */
  wait(deliver: (m: Received<B>) => void, waitMs = Infinity, empty?: () => void): Waiter<B> {
    const w: Waiter<B> = { deliver, empty, done: false };
    const msg = this.popVisible();
    if (msg) {
      w.done = true;
      deliver(this.receive(msg));
      return w;
    }
    this.waiters.push(w);
    if (Number.isFinite(waitMs))
      w.timer = this.sim.scheduler.after(waitMs, () => {
        if (w.done) return;
        this.cancelWait(w);
        empty?.();
      });
    return w;
  }

  /** Withdraws a waiting receive (its consumer left). */
  cancelWait(w: Waiter<B>): void {
    if (w.done) return;
    w.done = true;
    this.sim.scheduler.cancel(w.timer);
    const i = this.waiters.indexOf(w);
    if (i >= 0) this.waiters.splice(i, 1);
  }

  /** DeleteMessage (ack). False when the receipt is outdated or the message is already gone. */
  delete(r: Pick<Received<B>, 'id' | 'receipt'>): boolean {
    const msg = this.messages[r.id];
    if (!msg || msg.state === 'deleted' || msg.state === 'deadLettered') return false;
    if (msg.receipt !== r.receipt) {
      this.m.inc('staleDeletes');
      return false;
    }
    // Deleting with the latest receipt works even after the timeout lapsed, as long as
    // no one received the message again.
    if (msg.state === 'inFlight') {
      this.sim.scheduler.cancel(msg.timer);
      this.m.add('inFlight', -1);
    } else this.moveBacklog(-1);
    msg.state = 'deleted';
    this.m.add('queueDepth', -1);
    this.m.inc('acked');
    return true;
  }

  /**
   * ChangeMessageVisibility: the message stays invisible for `timeoutMs` from now
   * (0 = visible at once: give it back). False if the receipt is not the latest, the message
   * is not in flight, or the total would pass 12 h.
   */
  changeVisibility(r: Pick<Received<B>, 'id' | 'receipt'>, timeoutMs: number): boolean {
    const msg = this.messages[r.id];
    if (!msg || msg.state !== 'inFlight' || msg.receipt !== r.receipt) return false;
    if (!(timeoutMs >= 0) || timeoutMs > MAX_VISIBILITY_MS) return false;
    this.sim.scheduler.cancel(msg.timer);
    if (timeoutMs === 0) this.returnToQueue(msg);
    else msg.timer = this.sim.scheduler.after(timeoutMs, () => this.expire(msg, r.receipt));
    return true;
  }

  stateOf(id: number): MessageState | undefined {
    return this.messages[id]?.state;
  }

  receiveCountOf(id: number): number {
    return this.messages[id]?.receiveCount ?? 0;
  }

  /** Messages stored so far (ids run from 0). */
  get sent(): number {
    return this.messages.length;
  }

  get visible(): number {
    return this.m.gauge('backlog');
  }

  get inFlight(): number {
    return this.m.gauge('inFlight');
  }

  /** Area under the backlog so far (message-ms), settled up to now. */
  backlogArea(): number {
    this.m.settle();
    return this.sim.metrics.count('backlogMs');
  }

  /** Accrues the time integrals up to now (call at the end of a run). */
  settle(): void {
    this.m.settle();
  }

  private moveBacklog(delta: number): void {
    this.m.add('backlog', delta);
    this.m.level('backlogMs', delta);
  }

  private receive(msg: Message<B>): Received<B> {
    msg.state = 'inFlight';
    msg.receiveCount++;
    msg.receipt = ++this.receiptSeq;
    this.m.add('inFlight', 1);
    this.m.inc('receives');
    if (msg.receiveCount === 1) this.m.observe('queueWaitMs', this.sim.now - msg.sentAt);
    else this.m.inc('redeliveries');
    const receipt = msg.receipt;
    msg.timer = this.sim.scheduler.after(this.config.visibilityTimeoutMs, () => this.expire(msg, receipt));
    return { id: msg.id, body: msg.body, receipt, receiveCount: msg.receiveCount, sentAt: msg.sentAt };
  }

  private expire(msg: Message<B>, receipt: number): void {
    if (msg.state !== 'inFlight' || msg.receipt !== receipt) return;
    this.m.inc('visibilityExpiries');
    this.returnToQueue(msg);
  }

  /** An in-flight message comes back: visible again, or to the dead-letter queue. */
  private returnToQueue(msg: Message<B>): void {
    msg.timer = undefined;
    this.m.add('inFlight', -1);
    const max = this.config.maxReceiveCount;
    if (max > 0 && msg.receiveCount >= max) {
      msg.state = 'deadLettered';
      this.deadLetters.push(msg.id);
      this.m.inc('deadLettered');
      this.m.add('deadLetterDepth', 1);
      this.m.add('queueDepth', -1);
      return;
    }
    this.makeVisible(msg);
  }

  private makeVisible(msg: Message<B>): void {
    msg.state = 'visible';
    this.moveBacklog(1);
    this.visibleIds.push(msg.id);
    this.serveWaiters();
  }

  private popVisible(): Message<B> | undefined {
    const id = this.visibleIds.pop((i) => this.messages[i]?.state === 'visible');
    if (id === undefined) return undefined;
    this.moveBacklog(-1);
    return this.messages[id];
  }

  private serveWaiters(): void {
    while (this.waiters.length > 0) {
      const msg = this.popVisible();
      if (!msg) return;
      const w = this.waiters.shift() as Waiter<B>;
      w.done = true;
      this.sim.scheduler.cancel(w.timer);
      w.deliver(this.receive(msg));
    }
  }
}
