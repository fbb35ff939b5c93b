import * as Comlink from 'comlink';
import type { ActorSnapshot } from '../lesson/inspect';
import type { RunResult, Scenario } from '../lesson/types';
import { isWorkerSignal } from './heartbeat';
import type { SimWorkerApi } from './protocol';

/** How long one learner function may run without returning before its worker is replaced. */
export const WATCHDOG_MS = 2000;
/**
 * How long the worker may stay silent when no learner function is running. The engine
 * beats every ~100 ms of wall time even in the longest run, so this only catches a
 * broken worker; it is never a limit on how long a run may take.
 */
export const ENGINE_SILENCE_MS = 30_000;
/** A fresh worker loads its modules before it says "ready"; that time is not the learner's. */
export const LOAD_TIMEOUT_MS = 60_000;
/** Grading runs the reference solution over several scenarios: its learner-code limit. */
const GRADE_LIMIT_MS = 15_000;

export const TIMEOUT_MESSAGE =
  'Your code ran for more than 2 s without returning (an infinite loop?). The simulation was stopped; your code is kept.';

function timeoutMessage(fn: string | undefined, limitMs: number): string {
  const secs = `${limitMs / 1000} s`;
  if (fn === undefined)
    return `The simulation stopped answering for more than ${secs}. It was stopped; your code is kept.`;
  const where = fn === 'module body' ? 'The top level of your code' : `Your function ${fn}()`;
  return `${where} ran for more than ${secs} without returning (an infinite loop?). The simulation was stopped; your code is kept.`;
}

/** Rejection of a call whose worker was stopped by the watchdog. */
export class WorkerTimeout extends Error {
  /** The learner function that was running (undefined: the worker itself went silent). */
  readonly functionName: string | undefined;
  readonly limitMs: number;
  constructor(functionName?: string, limitMs = WATCHDOG_MS) {
    super(
      functionName === undefined && limitMs === WATCHDOG_MS
        ? TIMEOUT_MESSAGE
        : timeoutMessage(functionName, limitMs),
    );
    this.name = 'WorkerTimeout';
    this.functionName = functionName;
    this.limitMs = limitMs;
  }
}

/** Rejection of calls pending when `simClient.cancel()` stopped the worker. */
export class RunCancelled extends Error {
  constructor() {
    super('The run was cancelled.');
    this.name = 'RunCancelled';
  }
}

/** The worker failed to load or crashed outside any call (a bug or a blocked script). */
export class WorkerFailed extends Error {
  constructor(detail: string) {
    super(`The simulation worker failed: ${detail}`);
    this.name = 'WorkerFailed';
  }
}

interface Live {
  worker: Worker;
  api: Comlink.Remote<SimWorkerApi>;
  ready: boolean;
  startedAt: number;
  lastBeat: number;
  /** Learner function named by the latest beat (undefined: engine work or idle). */
  inside: string | undefined;
}

interface Pending {
  /** Limit on silence while a learner function runs. */
  learnerLimitMs: number;
  reject(err: Error): void;
}

/**
 * The main thread's handle on the simulation worker. The worker says "ready" once
 * loaded, then beats about every 100 ms of wall time while the engine works; each beat
 * that enters learner code names the function. A watchdog terminates a worker whose
 * learner function stays silent past its call's limit (an endless loop cannot be
 * interrupted any other way) and starts a fresh one for the next call. Long engine
 * runs are never killed; they can be cancelled.
 */
export class SimClient {
  private live: Live | undefined;
  private pending = new Set<Pending>();
  private timer: ReturnType<typeof setInterval> | undefined;

  private ensure(): Live {
    if (this.live) return this.live;
    const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    const now = performance.now();
    const live: Live = {
      worker,
      api: Comlink.wrap<SimWorkerApi>(worker),
      ready: false,
      startedAt: now,
      lastBeat: now,
      inside: undefined,
    };
    worker.addEventListener('message', (e: MessageEvent) => {
      if (!isWorkerSignal(e.data)) return;
      live.lastBeat = performance.now();
      if (e.data.simSignal === 'ready') live.ready = true;
      else live.inside = e.data.inside;
    });
    worker.addEventListener('error', (e: ErrorEvent) => {
      if (this.live === live) this.stop(new WorkerFailed(e.message || 'the worker script did not load'));
    });
    this.live = live;
    return live;
  }

  /** Terminates the worker and rejects every pending call with `err`. */
  private stop(err: Error): void {
    const live = this.live;
    this.live = undefined;
    live?.api[Comlink.releaseProxy]();
    live?.worker.terminate();
    const waiting = [...this.pending];
    this.pending.clear();
    for (const p of waiting) p.reject(err);
    this.syncTimer();
  }

  private syncTimer(): void {
    if (this.pending.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    } else if (this.pending.size > 0 && this.timer === undefined) {
      this.timer = setInterval(() => this.check(), 100);
    }
  }

  /** The watchdog: each pending call is held to its own limit. */
  private check(): void {
    const live = this.live;
    if (!live) return;
    const now = performance.now();
    if (!live.ready) {
      if (now - live.startedAt > LOAD_TIMEOUT_MS) this.stop(new WorkerFailed('it did not start'));
      return;
    }
    const silent = now - live.lastBeat;
    for (const p of this.pending) {
      const limit = live.inside === undefined ? ENGINE_SILENCE_MS : p.learnerLimitMs;
      if (silent > limit) {
        this.stop(new WorkerTimeout(live.inside, limit));
        return;
      }
    }
  }

  private watch<T>(
    learnerLimitMs: number,
    call: (api: Comlink.Remote<SimWorkerApi>) => Promise<T>,
  ): Promise<T> {
    const live = this.ensure();
    // Silence before this call (an idle worker) is not this call's.
    if (live.ready) live.lastBeat = performance.now();
    live.inside = undefined;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { learnerLimitMs, reject };
      this.pending.add(entry);
      this.syncTimer();
      const done = () => {
        this.pending.delete(entry);
        this.syncTimer();
      };
      call(live.api).then(
        (v) => {
          if (!this.pending.has(entry)) return;
          done();
          resolve(v);
        },
        (e: unknown) => {
          if (!this.pending.has(entry)) return;
          done();
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }

  /** True while a call is waiting for the worker. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /**
   * Stops whatever the worker is doing (terminates it; the next call starts a fresh one).
   * Every pending call rejects with RunCancelled. A no-op when nothing is pending.
   */
  cancel(): void {
    if (this.pending.size > 0) this.stop(new RunCancelled());
  }

  /**
   * Runs a scenario. `onProgress(fraction of virtual time done)` is called about every
   * 100 ms of wall time and once with 1 at the end. With `preview`, a partial result
   * covering virtual time up to at least `atMs` arrives first (see RunOptions.preview),
   * then the full result. Rejects with WorkerTimeout (a learner function did not return
   * in WATCHDOG_MS), RunCancelled (cancel() was called) or WorkerFailed.
   */
  run(
    scenario: Scenario,
    onProgress?: (fraction: number) => void,
    preview?: { atMs: number; onPreview(partial: RunResult): void },
  ): Promise<RunResult> {
    const progress = onProgress && Comlink.proxy((f: number) => onProgress(f));
    // Comlink proxies functions, not plain data: the time goes as a value, the callback as a proxy.
    const early = preview && Comlink.proxy((r: RunResult) => preview.onPreview(r));
    return this.watch(WATCHDOG_MS, (api) => api.run(scenario, progress, preview?.atMs, early));
  }

  inspectActor(scenario: Scenario, actorId: number, atMs: number): Promise<ActorSnapshot> {
    return this.watch(GRADE_LIMIT_MS, (api) => api.inspectActor(scenario, actorId, atMs));
  }

  gradePrediction(
    scenario: Scenario,
    predictionId: string,
  ): Promise<{ answer: string; explanation: string }> {
    return this.watch(GRADE_LIMIT_MS, (api) => api.gradePrediction(scenario, predictionId));
  }
}

export const simClient = new SimClient();
