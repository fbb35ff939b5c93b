import type { Task } from '../../engine/scheduler';
import type { Simulation } from '../../engine/sim';

/**
 * A service centre: `servers` identical servers in front of one FIFO queue. Jobs arrive,
 * wait for a free server, are served for a time the caller draws, and leave. With Poisson
 * arrivals and exponential service this is the M/M/c queue of queueing theory (Erlang C,
 * `mmc` in theory/queueing.ts); with one server, M/M/1. It is SimPy's `Resource`
 * (https://simpy.readthedocs.io/en/latest/topical_guides/resources.html) with the service
 * built in: a database with c connections, a shard's worker threads, a pool of workers.
 *
 * - FIFO, no preemption; a job's service time is drawn when its service starts, so it may
 *   depend on the server's state then (`serviceMs(job)`).
 * - `queueLimit` bounds the waiting jobs; an arrival beyond it is rejected at once.
 * - `setServers(n)`: more servers start waiting jobs at once; fewer let jobs in service
 *   finish (no preemption) and stop taking new ones.
 * - `fail()` stops the station: jobs in service and waiting are lost and returned; arrivals
 *   are rejected until `recover()`.
 *
 * It keeps the time integrals queueing theory talks about, so a lesson can check Little's law
 * (L = λW) and utilisation (ρ = busy time / (c · time)) without its own bookkeeping.
 */
export interface StationOptions<J> {
  servers: number;
  /** Service time of a job, ms, drawn when its service starts. */
  serviceMs: (job: J) => number;
  /** Called when a job's service ends, with its time waiting and in service. */
  onDone: (job: J, waitedMs: number, servedMs: number) => void;
  /** Waiting jobs at most (default: unbounded). */
  queueLimit?: number;
}

interface Waiting<J> {
  job: J;
  arrivedAt: number;
}

interface InService<J> extends Waiting<J> {
  task: Task;
}

export type Rejection = 'full' | 'down';

export class Station<J> {
  private servers: number;
  private readonly waiting: Waiting<J>[] = [];
  private waitHead = 0;
  private readonly inService = new Set<InService<J>>();
  private up = true;
  private lastChange = 0;
  private busyArea = 0;
  private queueArea = 0;
  /** Jobs that finished service. */
  completed = 0;
  /** Jobs rejected (queue full or station down). */
  rejected = 0;
  /** Most jobs waiting at once. */
  maxQueue = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly options: StationOptions<J>,
  ) {
    this.servers = checkServers(options.servers);
    this.lastChange = sim.now;
  }

  /** Jobs waiting for a server. */
  get queued(): number {
    return this.waiting.length - this.waitHead;
  }

  /** Servers busy now. */
  get busy(): number {
    return this.inService.size;
  }

  get capacity(): number {
    return this.servers;
  }

  get isUp(): boolean {
    return this.up;
  }

  /** Offers a job; returns why it was rejected, or undefined when accepted. */
  submit(job: J): Rejection | undefined {
    if (!this.up) return this.reject('down');
    if (this.queued >= (this.options.queueLimit ?? Infinity) && this.busy >= this.servers)
      return this.reject('full');
    this.account();
    this.waiting.push({ job, arrivedAt: this.sim.now });
    this.maxQueue = Math.max(this.maxQueue, this.queued);
    this.startWaiting();
    return undefined;
  }

  setServers(n: number): void {
    this.account();
    this.servers = checkServers(n);
    this.startWaiting();
  }

  /** Stops the station; returns the jobs lost (in service first, then waiting in order). */
  fail(): J[] {
    this.account();
    this.up = false;
    const lost: J[] = [];
    for (const s of this.inService) {
      this.sim.scheduler.cancel(s.task);
      lost.push(s.job);
    }
    this.inService.clear();
    for (let i = this.waitHead; i < this.waiting.length; i++) lost.push((this.waiting[i] as Waiting<J>).job);
    this.waiting.length = 0;
    this.waitHead = 0;
    return lost;
  }

  recover(): void {
    this.account();
    this.up = true;
  }

  /** Busy server-ms so far: divided by (servers · elapsed ms), the utilisation ρ. */
  busyMs(): number {
    this.account();
    return this.busyArea;
  }

  /** Area under the queue length (job-ms): divided by the elapsed ms, the mean number waiting Lq. */
  queueMs(): number {
    this.account();
    return this.queueArea;
  }

  private reject(why: Rejection): Rejection {
    this.rejected++;
    return why;
  }

  private account(): void {
    const dt = this.sim.now - this.lastChange;
    if (dt > 0) {
      this.busyArea += dt * this.inService.size;
      this.queueArea += dt * this.queued;
      this.lastChange = this.sim.now;
    }
  }

  private startWaiting(): void {
    while (this.up && this.inService.size < this.servers && this.queued > 0) {
      const w = this.waiting[this.waitHead++] as Waiting<J>;
      if (this.waitHead > 1024 && this.waitHead * 2 > this.waiting.length) {
        this.waiting.splice(0, this.waitHead);
        this.waitHead = 0;
      }
      const startedAt = this.sim.now;
      const ms = Math.max(0, this.options.serviceMs(w.job));
      const s: InService<J> = {
        ...w,
        task: this.sim.scheduler.after(ms, () => {
          this.account();
          this.inService.delete(s);
          this.completed++;
          this.options.onDone(w.job, startedAt - w.arrivedAt, this.sim.now - startedAt);
          this.startWaiting();
        }),
      };
      this.inService.add(s);
    }
  }
}

function checkServers(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`servers must be a whole number >= 0, got ${n}`);
  return n;
}
