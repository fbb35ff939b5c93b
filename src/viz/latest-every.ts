/**
 * A writer for text that follows playback but that people (screen readers, tooltips) do
 * not need 60 times a second: `write` runs only when the value changed, at most once per
 * `everyMs`; a value held back is written when the interval ends, so the last one always lands.
 */
/** Time and timers (the page's by default). */
export interface Clock {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}
const realClock: Clock = {
  now: () => performance.now(),
  later: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function latestEvery(
  everyMs: number,
  write: (value: string) => void,
  initial = '',
  clock: Clock = realClock,
): { (value: string): void; cancel(): void; force(value: string): void } {
  const { now } = clock;
  let shown = initial;
  let pending = initial;
  let at = -Infinity;
  let timer: unknown;
  const flush = () => {
    timer = undefined;
    at = now();
    if (pending === shown) return;
    shown = pending;
    write(shown);
  };
  const set = (value: string) => {
    pending = value;
    if (value === shown || timer !== undefined) return;
    const wait = at + everyMs - now();
    if (wait <= 0) flush();
    else timer = clock.later(flush, wait);
  };
  /** Writes a value at once (a seek, a pause), dropping any held back. */
  set.force = (value: string) => {
    set.cancel();
    pending = value;
    at = -Infinity;
    flush();
  };
  set.cancel = () => {
    if (timer !== undefined) clock.cancel(timer);
    timer = undefined;
  };
  return set;
}
