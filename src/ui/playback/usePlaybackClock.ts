import { useEffect } from 'react';
import { selectPlaying } from '../../state/selectors';
import { useStore } from '../../state/store';
import { animationEndMs } from '../../lesson/run-mode';

/**
 * Advances playback time with requestAnimationFrame while playing: `speed` virtual
 * ms per real ms, stopping at the end of the run, or where an aggregate run's trace ends
 * (past it there is nothing to animate; scrubbing there still shows the metrics' charts).
 */
export function usePlaybackClock(): void {
  const playing = useStore(selectPlaying);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const s = useStore.getState();
      const run = s.current;
      const animated = run ? animationEndMs(run) : 0;
      // Started before the trace's end: stop there; started past it: play to the end.
      const end = run && s.t < animated ? animated : (run?.durationMs ?? 0);
      // Clamp a frame's step: a background tab resumes without jumping to the end.
      const dt = Math.min(now - last, 100);
      last = now;
      const t = Math.min(end, s.t + dt * s.speed);
      s.setTime(t);
      if (t >= end) s.setPlaying(false);
      else frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}
