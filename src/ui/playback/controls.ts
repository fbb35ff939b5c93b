import { useStore } from '../../state/store';
import { currentIndex } from '../viz/current-index';
import { animationEndMs } from '../../lesson/run-mode';

const get = () => useStore.getState();

export function togglePlay(): void {
  const s = get();
  if (!s.current) return;
  // Pressing Play at the end (of the run, or of an aggregate run's trace) starts over, as
  // media players do.
  const end = animationEndMs(s.current);
  if (!s.playing && (s.t >= s.current.durationMs || Math.abs(s.t - end) < 1e-6)) s.setTime(0);
  s.setPlaying(!s.playing);
}

/** Moves to the next (or previous) moment something happened, and pauses. */
export function step(direction: 1 | -1): void {
  const s = get();
  const run = s.current;
  if (!run) return;
  // The views' index knows the event times; before the views load there is nothing to step to.
  const index = currentIndex(run);
  if (!index) return;
  const target =
    direction > 0 ? (index.nextEventTime(s.t) ?? run.durationMs) : (index.prevEventTime(s.t) ?? 0);
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
