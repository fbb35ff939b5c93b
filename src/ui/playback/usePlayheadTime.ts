import { useEffect, useState } from 'react';
import { useStore } from '../../state/store';
import { latestEvery } from '../../viz/latest-every';

/**
 * Playback time for text people read (a status line, a button's label): exact at once
 * while paused or after a seek, at most every `everyMs` while playing, so the component
 * does not re-render every animation frame. Use selectT only where each frame must move.
 */
export function usePlayheadTime(everyMs = 250): number {
  const [t, setT] = useState(() => useStore.getState().t);
  useEffect(() => {
    const set = latestEvery(everyMs, (v) => setT(Number(v)), String(useStore.getState().t));
    set.force(String(useStore.getState().t));
    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.t === prev.t && s.playing === prev.playing) return;
      if (s.playing) set(String(s.t));
      else set.force(String(s.t));
    });
    return () => {
      unsubscribe();
      set.cancel();
    };
  }, [everyMs]);
  return t;
}
