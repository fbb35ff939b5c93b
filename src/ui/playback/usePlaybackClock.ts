import { useEffect } from 'react';
import { selectPlaying } from '../../state/selectors';
import { useStore } from '../../state/store';

/**
 * Advances playback time with requestAnimationFrame while playing: `speed` virtual
 * ms per real ms, stopping at the end of the run.
 */
export function usePlaybackClock(): void {
  const playing = useStore(selectPlaying);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const s = useStore.getState();
      const end = s.current?.durationMs ?? 0;
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
