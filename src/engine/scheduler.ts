/**
 * One scheduled callback. `cancelled` tasks stay in the queue and are skipped when popped.
 * The scheduler calls `task.fn()` as a method, so a task object may carry its own data
 * and handle it in `fn` (the network's in-flight messages do: one allocation a message).
 */
export interface Task {
  readonly t: number;
  seq: number;
  fn(): void;
  cancelled: boolean;
}

/** Events between two `tick` calls of runUntil (a power of two). */
export const TICK_EVERY = 4096;

class Timer implements Task {
  cancelled = false;
  constructor(
    readonly t: number,
    public seq: number,
    readonly fn: () => void,
  ) {}
}

/**
 * Discrete-event scheduler over virtual time (milliseconds). Events at the same
 * instant run in the order they were scheduled (FIFO), which keeps runs reproducible.
 * The queue is a binary heap over (t, seq) with the comparison inlined: it is the
 * innermost loop of every run.
 */
export class Scheduler {
  private heap: Task[] = [];
  private seq = 0;
  private stopped = false;
  /** Current virtual time in ms. */
  now = 0;
  /** Events executed so far (cancelled ones are not counted). */
  executed = 0;

  at(t: number, fn: () => void): Task {
    if (!(t >= this.now)) throw new RangeError(`cannot schedule at ${t} ms: time is already ${this.now} ms`);
    const task = new Timer(t, this.seq++, fn);
    this.insert(task);
    return task;
  }

  after(delayMs: number, fn: () => void): Task {
    return this.at(this.now + Math.max(0, delayMs), fn);
  }

  /** Schedules a task object at its own `t` (its `seq` is assigned here). */
  push(task: Task): void {
    if (!(task.t >= this.now))
      throw new RangeError(`cannot schedule at ${task.t} ms: time is already ${this.now} ms`);
    task.seq = this.seq++;
    this.insert(task);
  }

  cancel(task: Task | undefined): void {
    if (task) task.cancelled = true;
  }

  get pending(): number {
    return this.heap.length;
  }

  private insert(task: Task): void {
    const h = this.heap;
    let i = h.length;
    h.push(task);
    const t = task.t;
    const seq = task.seq;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Task;
      if (parent.t < t || (parent.t === t && parent.seq < seq)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = task;
  }

  /** Removes and returns the earliest task (the heap must not be empty). */
  private popTop(): Task {
    const h = this.heap;
    const top = h[0] as Task;
    const last = h.pop() as Task;
    const n = h.length;
    if (n > 0) {
      let i = 0;
      const t = last.t;
      const seq = last.seq;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        let child = h[c] as Task;
        const r = c + 1;
        if (r < n) {
          const right = h[r] as Task;
          if (right.t < child.t || (right.t === child.t && right.seq < child.seq)) {
            c = r;
            child = right;
          }
        }
        if (t < child.t || (t === child.t && seq < child.seq)) break;
        h[i] = child;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }

  /** Time of the next live event, or Infinity. */
  peekTime(): number {
    const h = this.heap;
    while (h.length > 0 && (h[0] as Task).cancelled) this.popTop();
    return h.length > 0 ? (h[0] as Task).t : Infinity;
  }

  /** Runs the next live event. Returns false when none is left. */
  step(): boolean {
    while (this.heap.length > 0) {
      const task = this.popTop();
      if (task.cancelled) continue;
      this.now = task.t;
      this.executed++;
      task.fn();
      return true;
    }
    return false;
  }

  /**
   * Runs events up to and including `until`, then leaves the clock at `until`.
   * `tick`, if given, is called after every TICK_EVERY events (a heartbeat for long runs).
   */
  runUntil(until: number, tick?: () => void): void {
    this.stopped = false;
    const h = this.heap;
    while (!this.stopped && h.length > 0) {
      if ((h[0] as Task).t > until) break;
      const top = this.popTop();
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
