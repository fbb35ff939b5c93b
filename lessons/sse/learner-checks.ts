import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { StoredEvent } from './api';

/** The replay must be events of the replay window: a server cannot send what its log does not hold. */
export function checkedReplay(out: unknown, recent: readonly StoredEvent[]): readonly StoredEvent[] {
  if (!Array.isArray(out))
    learnerMistake(`replay must return an array of events from request.recent; it returned ${String(out)}`);
  const first = recent[0]?.id ?? Infinity;
  const last = recent[recent.length - 1]?.id ?? -Infinity;
  for (const e of out as unknown[]) {
    const id = (e as StoredEvent | undefined)?.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < first || id > last) {
      learnerMistake(
        `replay must return events taken from request.recent (ids ${recent.length ? `${first}–${last}` : 'none: it is empty'}); got ${JSON.stringify(e)}`,
      );
    }
  }
  return out as StoredEvent[];
}

export function checkedDelay(d: unknown): number {
  if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
    learnerMistake(`reconnectDelay must return a number of ms >= 0; it returned ${String(d)}`);
  }
  return d as number;
}
