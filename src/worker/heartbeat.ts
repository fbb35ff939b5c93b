/**
 * Signals a simulation worker (the page's Web Worker or the CLI's runner thread) posts
 * besides its RPC answers, so the watchdog on the other side can tell "busy" from "stuck"
 * and engine work from learner code.
 */
export type WorkerSignal =
  /** Modules loaded, realm hardened: deadlines start counting from here. */
  | { simSignal: 'ready' }
  /**
   * Still alive. `inside` names the learner function control just entered (the engine
   * posts beats without it): if silence follows, that function is the one running.
   */
  | { simSignal: 'beat'; inside?: string };

export function isWorkerSignal(data: unknown): data is WorkerSignal {
  return typeof data === 'object' && data !== null && 'simSignal' in data;
}

/** Engine heartbeats: at most one per this much wall time. */
export const BEAT_EVERY_MS = 100;
/** A beat naming a learner function goes out if this long passed since the last beat. */
const ENTER_BEAT_EVERY_MS = 20;
/** ... or sooner, when it is a different function than the last beat named. */
const ENTER_SWITCH_MS = 2;

/**
 * Throttled heartbeats from wall time (`now`, e.g. performance.now). Cheap enough to call
 * on every learner call and every few thousand engine events.
 */
export function makeHeartbeat(post: (s: WorkerSignal) => void, now: () => number) {
  let last = -Infinity;
  let lastInside: string | undefined;
  return {
    /** Engine work in progress. Returns true when a beat went out (at most every BEAT_EVERY_MS). */
    engine(): boolean {
      const t = now();
      if (t - last < BEAT_EVERY_MS) return false;
      last = t;
      lastInside = undefined;
      post({ simSignal: 'beat' });
      return true;
    },
    /**
     * Control is entering learner function `name`. Returns true when a beat naming it went
     * out; the caller then calls `exit` when the function returns, so that engine work
     * after it (which may be silent for a while, e.g. building a large model) is not
     * timed against the learner's limit.
     */
    enter(name: string): boolean {
      const t = now();
      const since = t - last;
      if (since >= ENTER_BEAT_EVERY_MS || (name !== lastInside && since >= ENTER_SWITCH_MS)) {
        last = t;
        lastInside = name;
        post({ simSignal: 'beat', inside: name });
        return true;
      }
      return false;
    },
    /** Control left the learner function the last `enter` beat named. */
    exit(): void {
      last = now();
      lastInside = undefined;
      post({ simSignal: 'beat' });
    },
    /** Unthrottled beat (e.g. before the first learner call of a run). */
    now(inside?: string): void {
      last = now();
      lastInside = inside;
      post(inside === undefined ? { simSignal: 'beat' } : { simSignal: 'beat', inside });
    },
  };
}
export type Heartbeat = ReturnType<typeof makeHeartbeat>;
