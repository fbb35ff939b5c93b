import TinyQueue from 'tinyqueue';

/** One scheduled callback. `cancelled` tasks stay in the queue and are skipped when popped. */
export interface Task {
  readonly t: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

/** Events between two `tick` calls of runUntil (a power of two). */
export const TICK_EVERY = 4096;

const byTimeThenSeq = (a: Task, b: Task): number => a.t - b.t || a.seq - b.seq;

/**
 * Discrete-event scheduler over virtual time (milliseconds). Events at the same
 * instant run in the order they were scheduled (FIFO), which keeps runs reproducible.
 */
export class Scheduler {
  private queue = new TinyQueue<Task>([], byTimeThenSeq);
  private seq = 0;
  private stopped = false;
  /** Current virtual time in ms. */
  now = 0;
  /** Events executed so far (cancelled ones are not counted). */
  executed = 0;

  at(t: number, fn: () => void): Task {
    if (!(t >= this.now)) throw new RangeError(`cannot schedule at ${t} ms: time is already ${this.now} ms`);
    const task: Task = { t, seq: this.seq++, fn, cancelled: false };
    this.queue.push(task);
    return task;
  }

  after(delayMs: number, fn: () => void): Task {
    return this.at(this.now + Math.max(0, delayMs), fn);
  }

  cancel(task: Task | undefined): void {
    if (task) task.cancelled = true;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Time of the next live event, or Infinity. */
  peekTime(): number {
    let top = this.queue.peek();
    while (top && top.cancelled) {
      this.queue.pop();
      top = this.queue.peek();
    }
    return top ? top.t : Infinity;
  }

  /** Runs the next live event. Returns false when none is left. */
  step(): boolean {
    for (;;) {
      const task = this.queue.pop();
      if (!task) return false;
      if (task.cancelled) continue;
      this.now = task.t;
      this.executed++;
      task.fn();
      return true;
    }
  }

  /**
   * Runs events up to and including `until`, then leaves the clock at `until`.
   * `tick`, if given, is called after every TICK_EVERY events (a heartbeat for long runs).
   */
  runUntil(until: number, tick?: () => void): void {
    this.stopped = false;
    while (!this.stopped) {
      const top = this.queue.peek();
      if (!top || top.t > until) break;
      this.queue.pop();
      if (top.cancelled) continue;
      this.now = top.t;
      this.executed++;
      top.fn();
      if (tick !== undefined && (this.executed & (TICK_EVERY - 1)) === 0) tick();
    }
    if (!this.stopped && until > this.now) this.now = until;
  }

  /** Stops a running `runUntil` after the current event. */
  stop(): void {
    this.stopped = true;
  }
}
