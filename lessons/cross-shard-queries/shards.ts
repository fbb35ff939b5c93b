import type { Simulation } from '../../src/engine/sim';
import type { Rng } from '../../src/engine/random';
import { Station } from '../../src/kit/service/station';
import { REQUEST_TIMEOUT_MS, SERVICE_MS } from './constants';
import { BACKLOG_AT } from './model';

interface Job {
  done: () => void;
  fail: () => void;
}

/**
 * The shards as the data plane sees them: one kit `Station` each (one server, FIFO,
 * exponential service: an M/M/1 queue), reached over the simulated network from the
 * router. A crashed shard loses what it was serving and queued (`Station.fail`); a request
 * to a down shard is refused at once; one across a partition times out.
 */
export class Shards {
  readonly stations: Station<Job>[] = [];
  private readonly backlogged: boolean[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly rng: Rng,
    readonly actors: number[],
  ) {
    for (let s = 0; s < actors.length; s++) {
      this.backlogged.push(false);
      this.stations.push(
        new Station<Job>(sim, {
          servers: 1,
          serviceMs: () => -SERVICE_MS * Math.log(1 - this.rng.next()),
          onDone: (job) => {
            this.watchBacklog(s);
            job.done();
          },
        }),
      );
    }
  }

  /** The shard's actor crashed: what it held is lost. */
  crashed(s: number): void {
    for (const job of this.stations[s]!.fail()) job.fail();
  }

  /** One-way delay, or undefined across a partition. */
  private flight(from: number, to: number): number | undefined {
    if (this.sim.net.isPartitioned(from, to)) return undefined;
    const l = this.sim.net.link(from, to);
    return (l.latencyMs + (l.jitterMs > 0 ? this.rng.uniform(0, l.jitterMs) : 0)) * l.slow;
  }

  /**
   * Sends one request from `from` to shard `s`; `served` runs when the shard finishes it
   * (the moment it reads or writes its data), `answered` when the reply is back, `failed` otherwise.
   */
  ask(from: number, s: number, on: { served?: () => void; answered: () => void; failed: () => void }): void {
    const to = this.actors[s]!;
    const timeout = () => this.sim.scheduler.after(REQUEST_TIMEOUT_MS, on.failed);
    const there = this.flight(from, to);
    if (there === undefined) return void timeout();
    this.sim.scheduler.after(there, () => {
      const station = this.stations[s]!;
      if (!this.sim.isUp(to)) return void this.sim.scheduler.after(there, on.failed);
      if (!station.isUp) station.recover(); // the shard restarted (empty queue)
      station.submit({
        done: () => {
          on.served?.();
          const back = this.flight(to, from);
          if (back === undefined) return void timeout();
          this.sim.scheduler.after(back, () => (this.sim.isUp(from) ? on.answered() : on.failed()));
        },
        fail: on.failed,
      });
      this.watchBacklog(s);
    });
  }

  private watchBacklog(s: number): void {
    const q = this.stations[s]!.queued;
    if (!this.backlogged[s] && q >= BACKLOG_AT) {
      this.backlogged[s] = true;
      this.sim.ref(this.actors[s]!)?.send({ type: 'BACKLOG' });
    } else if (this.backlogged[s] && q === 0) {
      this.backlogged[s] = false;
      this.sim.ref(this.actors[s]!)?.send({ type: 'DRAINED' });
    }
  }
}
