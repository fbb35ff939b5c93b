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
/** A beat naming the same learner function again goes out if this long passed since the last beat. */
const ENTER_BEAT_EVERY_MS = 20;
/** A beat naming a different learner function, or leaving one, waits at least this long after the last beat. */
const ENTER_SWITCH_MS = 2;

/**
 * Throttled heartbeats from wall time (`now`, e.g. performance.now). Cheap enough to call
 * on every learner call and every few thousand engine events.
 *
 * The other side believes what the last beat said: "engine work" or "inside learner
 * function f". A learner function that never returns can post nothing more, so the belief
 * must already name a learner function when control enters one: an `enter` after an engine
 * beat always posts. To keep the rate bounded when learner calls come thousands of times a
 * second, leaving a function posts only when the call took a while (ENTER_SWITCH_MS since
 * the last beat); after a quick call the belief stays "inside f" until the next engine beat
 * (at most BEAT_EVERY_MS later while the engine works), and alternating functions post at
 * most every ENTER_SWITCH_MS (a hang is then named after the function the last beat named).
 */
export function makeHeartbeat(post: (s: WorkerSignal) => void, now: () => number) {
  let last = -Infinity;
  let lastInside: string | undefined;
  let enteredAt = -Infinity;
  const beat = (t: number, inside: string | undefined) => {
    last = t;
    lastInside = inside;
    post(inside === undefined ? { simSignal: 'beat' } : { simSignal: 'beat', inside });
  };
  return {
    /** Engine work in progress. Returns true when a beat went out (at most every BEAT_EVERY_MS). */
    engine(): boolean {
      const t = now();
      if (t - last < BEAT_EVERY_MS) return false;
      beat(t, undefined);
      return true;
    },
    /**
     * Control is entering learner function `name`. Returns true when the caller should call
     * `exit` when the function returns (the belief now names a learner function).
     */
    enter(name: string): boolean {
      const t = now();
      const since = t - last;
      enteredAt = t;
      if (
        lastInside === undefined ||
        (name !== lastInside && since >= ENTER_SWITCH_MS) ||
        since >= ENTER_BEAT_EVERY_MS
      ) {
        beat(t, name);
      }
      return true;
    },
    /**
     * Control left a learner function. Says so only when the call took a while, so that
     * engine work after it (which may be silent for a while, e.g. building a large model)
     * is not timed against the learner's limit; quick calls leave the belief to the next beat.
     */
    exit(): void {
      const t = now();
      if (lastInside !== undefined && t - enteredAt >= ENTER_SWITCH_MS) beat(t, undefined);
    },
    /** Unthrottled beat (e.g. before the first learner call of a run). */
    now(inside?: string): void {
      beat(now(), inside);
    },
  };
}
export type Heartbeat = ReturnType<typeof makeHeartbeat>;
