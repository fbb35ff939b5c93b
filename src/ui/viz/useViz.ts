import { useEffect, useState } from 'react';
import { afterPaint } from '../../state/after-paint';
import { loadViz, type VizModule } from './viz-module';

/**
 * The views module: undefined while loading. A failed load is rethrown during render,
 * so the surrounding ChunkBoundary says so instead of leaving the views blank.
 */
export function useViz(): VizModule | undefined {
  const [viz, setViz] = useState<VizModule | undefined>(undefined);
  const [, setFailed] = useState<never>();
  useEffect(() => {
    let live = true;
    // d3 and the views load once the lesson text is on screen.
    void afterPaint()
      .then(loadViz)
      .then(
        (m) => live && setViz(m),
        (err: unknown) =>
          live &&
          setFailed(() => {
            throw err instanceof Error ? err : new Error(String(err));
          }),
      );
    return () => {
      live = false;
    };
  }, []);
  return viz;
}
