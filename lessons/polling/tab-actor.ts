import type { PlainActor, Simulation } from '../../src/engine/sim';
import type { Envelope } from '../../src/engine/network';
import type { Task } from '../../src/engine/scheduler';
import { afterAnswer, afterFailure, type ClientContext, type ClientEvent } from './model';

type TabState = 'loading' | 'requesting' | 'waiting';

/**
 * A polling tab as plain callbacks: the transitions of `clientMachine` (model.ts),
 * taken in the same order with the same timers, so a run's trace and metrics are the
 * ones the machine gives (checked by polling.test.ts) at a fraction of the cost:
 * a tab makes a transition per request, the hottest path of the lesson.
 * loading --openDelay--> requesting --ANSWER | FAILED | requestTimeout--> waiting --pollDelay--> requesting
 */
export class TabActor implements PlainActor {
  private ctx: ClientContext;
  private state: TabState = 'loading';
  private timer: Task | undefined;
  private readonly fire = () => this.onTimer();

  constructor(
    private readonly sim: Simulation,
    private readonly self: number,
    private readonly input: Omit<ClientContext, 'since' | 'delay' | 'sentAt' | 'emptyStreak' | 'errorStreak'>,
  ) {
    this.ctx = this.initial();
  }

  private initial(): ClientContext {
    return { ...this.input, since: 0, delay: 0, sentAt: 0, emptyStreak: 0, errorStreak: 0 };
  }

  start(): void {
    this.ctx = this.initial();
    this.state = 'loading';
    this.timer = this.sim.scheduler.after(this.ctx.openAfterMs, this.fire);
    this.sim.enterState(this.self, 'loading');
  }

  stop(): void {
    this.sim.scheduler.cancel(this.timer);
    this.timer = undefined;
  }

  context(): unknown {
    return this.ctx;
  }

  receive(event: Envelope): void {
    if (this.state !== 'requesting') return;
    const e = event as unknown as ClientEvent;
    if (e.type === 'ANSWER') {
      this.sim.scheduler.cancel(this.timer);
      Object.assign(this.ctx, afterAnswer(this.ctx, e.since, e.to));
      this.wait();
    } else if (e.type === 'FAILED') {
      this.sim.scheduler.cancel(this.timer);
      Object.assign(this.ctx, afterFailure(this.ctx));
      this.wait();
    }
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.state === 'loading') {
      this.ctx.since = this.ctx.io.feedLength();
      this.request();
    } else if (this.state === 'waiting') this.request();
    else {
      // requestTimeout
      Object.assign(this.ctx, afterFailure(this.ctx));
      this.wait();
    }
  }

  private request(): void {
    const c = this.ctx;
    this.state = 'requesting';
    c.io.poll(c.since, c.strategy === 'long');
    c.sentAt = c.io.now();
    this.timer = this.sim.scheduler.after(c.requestTimeoutMs, this.fire);
    this.sim.enterState(this.self, 'requesting');
  }

  private wait(): void {
    this.state = 'waiting';
    this.timer = this.sim.scheduler.after(this.ctx.delay, this.fire);
    this.sim.enterState(this.self, 'waiting');
  }
}
