import { useEffect, useState } from 'react';
import { afterPaint } from '../../state/after-paint';
import { loadViz, type VizModule } from './viz-api';

/** The views module: undefined while loading, null when unavailable. */
export function useViz(): VizModule | null | undefined {
  const [viz, setViz] = useState<VizModule | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // d3 and the views load once the lesson text is on screen.
    void afterPaint()
      .then(loadViz)
      .then((m) => live && setViz(m));
    return () => {
      live = false;
    };
  }, []);
  return viz;
}
