import * as Comlink from 'comlink';
import type { ActorSnapshot } from '../lesson/inspect';
import type { RunResult, Scenario } from '../lesson/types';
import type { SimWorkerApi } from './protocol';

/** How long the worker may stay silent (no answer, no progress) before it is replaced. */
export const WATCHDOG_MS = 2000;
/** Grading runs several scenarios without heartbeats; they get more room. */
const GRADE_TIMEOUT_MS = 15000;

export const TIMEOUT_MESSAGE =
  'Your code ran for more than 2 s without returning (an infinite loop?). The simulation was stopped; your code is kept.';

/** Rejection of a call whose worker was stopped by the watchdog. */
export class WorkerTimeout extends Error {
  constructor() {
    super(TIMEOUT_MESSAGE);
    this.name = 'WorkerTimeout';
  }
}

/** Rejection of a call whose run the learner cancelled (see SimClient.cancel). */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelled';
  }
}

interface Live {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
}

/**
 * The main thread's handle on the simulation worker. A watchdog terminates a worker
 * that stops answering (learner code in an endless loop cannot be interrupted any
 * other way) and starts a fresh one for the next call.
 */
export class SimClient {
  private live: Live | undefined;
  private lastBeat = 0;
  private pending = new Set<(err: Error) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private graceUntil = 0;

  private ensure(): Live {
    if (!this.live) {
      // A fresh worker first loads its modules and the lesson chunk: give it a grace period.
      this.graceUntil = performance.now() + 3000;
      const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
      this.live = { worker, api: Comlink.wrap<SimWorkerApi>(worker) };
    }
    return this.live;
  }

  private kill(reason: () => Error = () => new WorkerTimeout()): void {
    const live = this.live;
    this.live = undefined;
    live?.api[Comlink.releaseProxy]();
    live?.worker.terminate();
    const waiting = [...this.pending];
    this.pending.clear();
    for (const reject of waiting) reject(reason());
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer !== undefined && this.pending.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  /** Runs `call` with a watchdog that fires after `limitMs` without a heartbeat. */
  private watch<T>(limitMs: number, call: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>): Promise<T> {
    const { api } = this.ensure();
    this.lastBeat = performance.now();
    return new Promise<T>((resolve, reject) => {
      this.pending.add(reject);
      const done = () => {
        this.pending.delete(reject);
        this.stopTimer();
      };
      this.timer ??= setInterval(() => {
        if (performance.now() > Math.max(this.lastBeat + limitMs, this.graceUntil)) this.kill();
      }, 200);
      call(api).then(
        (v) => {
          done();
          resolve(v);
        },
        (e: unknown) => {
          done();
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /**
   * Runs a scenario. With `preview`, a partial result covering virtual time up to at
   * least `atMs` arrives first (see RunOptions.preview), then the full result.
   */
  run(
    scenario: Scenario,
    onProgress?: (fraction: number) => void,
    preview?: { atMs: number; onPreview(partial: RunResult): void },
  ): Promise<RunResult> {
    const beat = Comlink.proxy((f: number) => {
      this.lastBeat = performance.now();
      onProgress?.(f);
    });
    // Comlink proxies functions, not plain data: the time goes as a value, the callback as a proxy.
    const early = preview && Comlink.proxy((r: RunResult) => preview.onPreview(r));
    return this.watch(WATCHDOG_MS, (api) => api.run(scenario, beat, preview?.atMs, early));
  }

  /** Stops whatever the worker is doing (its calls reject with RunCancelled); the next call starts a fresh one. */
  cancel(): void {
    if (this.live) this.kill(() => new RunCancelled());
  }

  inspectActor(scenario: Scenario, actorId: number, atMs: number): Promise<ActorSnapshot> {
    return this.watch(GRADE_TIMEOUT_MS, (api) => api.inspectActor(scenario, actorId, atMs));
  }

  gradePrediction(
    scenario: Scenario,
    predictionId: string,
  ): Promise<{ answer: string; explanation: string }> {
    return this.watch(GRADE_TIMEOUT_MS, (api) => api.gradePrediction(scenario, predictionId));
  }
}

export const simClient = new SimClient();
