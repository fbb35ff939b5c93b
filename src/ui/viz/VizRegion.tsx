import { useMemo } from 'react';
import type { ParamSpecs } from '../../lesson/params';
import type { ViewSpec } from '../../lesson/types';
import {
  selectCurrent,
  selectLesson,
  selectPreview,
  selectRunning,
  selectVariants,
} from '../../state/selectors';
import { useStore } from '../../state/store';
import { RunViews } from './RunViews';
import { useViz } from './useViz';

/** The lesson's views over the current run, or one topology per variant in compare mode. */
export function VizRegion() {
  const lesson = useStore(selectLesson);
  // A run still going shows its first moments (its preview) in place of the previous run.
  const preview = useStore(selectPreview);
  const finished = useStore(selectCurrent);
  const current = preview ?? finished;
  const variants = useStore(selectVariants);
  const running = useStore(selectRunning);
  const viz = useViz();
  const compareSpecs = useMemo<ViewSpec[]>(() => [{ kind: 'topology' }], []);
  if (!lesson) return null;
  if (!current) {
    return (
      <p className="placeholder" role="status">
        {running ? 'Running the simulation…' : 'No run to show. Press Run.'}
      </p>
    );
  }
  if (variants) {
    const fixed = [...new Set(lesson.compare?.flatMap((c) => Object.keys(c.params)) ?? [])];
    return (
      <>
        <p className="help compare-note">
          Compare mode: every variant runs with your knobs, seed, faults and code; each sets only{' '}
          {fixed.map((k) => (lesson.params as ParamSpecs)[k]?.label ?? k).join(', ')}.
        </p>
        <div className="compare-views">
          {variants.map((v, i) => (
            <RunViews
              key={v.label}
              run={v.result}
              specs={compareSpecs}
              viz={viz}
              label={v.label}
              primary={i === 0}
            />
          ))}
        </div>
      </>
    );
  }
  return <RunViews run={current} specs={lesson.views} viz={viz} primary />;
}
