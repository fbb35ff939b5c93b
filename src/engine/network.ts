import type { Rng } from './random';
import type { Scheduler, Task } from './scheduler';
import { EventKind, type Tone, type TraceRecorder } from './trace';

export interface LinkConfig {
  /** One-way latency in ms. */
  latencyMs: number;
  /** Extra delay, uniform in [0, jitterMs). */
  jitterMs: number;
  /** Probability in [0, 1] that a message is lost in flight. */
  loss: number;
}

interface Link extends LinkConfig {
  partitioned: boolean;
  /** Multiplier on latency and jitter (a slowed link has factor > 1). */
  slow: number;
  /** Delivery time of the last message: links are FIFO, like one TCP connection. */
  lastDelivery: number;
}

/** An event delivered to an actor: the lesson's message plus who sent it. */
export interface Envelope {
  type: string;
  from: number;
  [key: string]: unknown;
}

export interface NetworkHost {
  /** Delivers the event to the actor; false if it is down (the message is dropped). */
  deliver(to: number, event: Envelope): boolean;
  isUp(actor: number): boolean;
}

export const DropReason = {
  partition: 'partition',
  loss: 'loss',
  crashed: 'destination down',
} as const;

/**
 * Directed links between actors with latency, jitter, loss and partitions.
 * A message is dropped if its link is partitioned when it is sent or when it would
 * arrive, if it is lost in flight, or if its destination is down on arrival.
 */
export class Network {
  private links = new Map<number, Link>();
  private nextMsgId = 0;
  defaults: LinkConfig = { latencyMs: 50, jitterMs: 0, loss: 0 };

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    private readonly trace: TraceRecorder,
    private readonly host: NetworkHost,
  ) {}

  private key(from: number, to: number): number {
    return from * 1_048_576 + to;
  }

  link(from: number, to: number): Link {
    const k = this.key(from, to);
    let l = this.links.get(k);
    if (!l) {
      l = { ...this.defaults, partitioned: false, slow: 1, lastDelivery: 0 };
      this.links.set(k, l);
    }
    return l;
  }

  /** Configures both directions between a and b. */
  configure(a: number, b: number, cfg: Partial<LinkConfig>): void {
    Object.assign(this.link(a, b), cfg);
    Object.assign(this.link(b, a), cfg);
  }

  setPartitioned(a: number, b: number, partitioned: boolean): void {
    this.link(a, b).partitioned = partitioned;
    this.link(b, a).partitioned = partitioned;
  }

  setSlow(a: number, b: number, factor: number): void {
    this.link(a, b).slow = factor;
    this.link(b, a).slow = factor;
  }

  isPartitioned(a: number, b: number): boolean {
    return this.link(a, b).partitioned;
  }

  /** Sends `event` from one actor to another; returns the message id. `tone` colours it on the page. */
  send(
    from: number,
    to: number,
    event: { type: string; [key: string]: unknown },
    label = event.type,
    tone?: Tone,
  ): number {
    const id = this.nextMsgId++;
    const now = this.scheduler.now;
    const link = this.link(from, to);
    const labelIx = this.trace.intern(label, tone);
    this.trace.push(EventKind.Send, now, from, to, labelIx, id);
    if (link.partitioned) {
      this.trace.push(EventKind.Drop, now, from, to, this.trace.intern(DropReason.partition), id);
      return id;
    }
    const flight =
      (link.latencyMs + (link.jitterMs > 0 ? this.rng.uniform(0, link.jitterMs) : 0)) * link.slow;
    if (link.loss > 0 && this.rng.bernoulli(link.loss)) {
      this.scheduler.after(flight / 2, () =>
        this.trace.push(EventKind.Drop, this.scheduler.now, from, to, this.trace.intern(DropReason.loss), id),
      );
      return id;
    }
    const arrival = Math.max(now + flight, link.lastDelivery);
    link.lastDelivery = arrival;
    const envelope = event as Envelope;
    envelope.from = from;
    this.scheduler.push(new InFlight(arrival, this, link, from, to, labelIx, id, envelope));
    return id;
  }

  /** A message reaches the end of its link: delivered, or dropped if the link or its destination is down now. */
  arrive(m: InFlight): void {
    const now = this.scheduler.now;
    if (m.link.partitioned || !this.host.isUp(m.to)) {
      const reason = m.link.partitioned ? DropReason.partition : DropReason.crashed;
      this.trace.push(EventKind.Drop, now, m.from, m.to, this.trace.intern(reason), m.id);
      return;
    }
    this.trace.push(EventKind.Deliver, now, m.from, m.to, m.labelIx, m.id);
    this.host.deliver(m.to, m.envelope);
  }
}

/** A message in flight: its own scheduler task (no closure per message). */
class InFlight implements Task {
  seq = 0;
  cancelled = false;
  constructor(
    readonly t: number,
    private readonly net: Network,
    readonly link: Link,
    readonly from: number,
    readonly to: number,
    readonly labelIx: number,
    readonly id: number,
    readonly envelope: Envelope,
  ) {}
  fn(): void {
    this.net.arrive(this);
  }
}
