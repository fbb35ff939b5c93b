import { useStore } from '../../state/store';
import { currentIndex } from '../viz/current-index';
import { nextEventTime, prevEventTime } from './event-times';

const get = () => useStore.getState();

export function togglePlay(): void {
  const s = get();
  if (!s.current) return;
  // Pressing Play at the end starts over, as media players do.
  if (!s.playing && s.t >= s.current.durationMs) s.setTime(0);
  s.setPlaying(!s.playing);
}

/** Moves to the next (or previous) moment something happened, and pauses. */
export function step(direction: 1 | -1): void {
  const s = get();
  const run = s.current;
  if (!run) return;
  const index = currentIndex(run);
  const target =
    direction > 0
      ? (index?.nextEventTime(s.t) ?? nextEventTime(run.trace, s.t) ?? run.durationMs)
      : (index?.prevEventTime(s.t) ?? prevEventTime(run.trace, s.t) ?? 0);
  s.setPlaying(false);
  s.setTime(Math.min(run.durationMs, target));
}

export function restart(): void {
  const s = get();
  s.setTime(0);
  s.setPlaying(false);
}

export function seek(t: number): void {
  get().setTime(t);
}
