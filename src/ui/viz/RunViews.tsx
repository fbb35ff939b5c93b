import { useEffect, useMemo } from 'react';
import type { RunResult, ViewSpec } from '../../lesson/types';
import { ActorInspector } from './ActorInspector';
import { setCurrentIndex } from './current-index';
import { planViews } from './run-views';
import { StatusLine } from './StatusLine';
import { ViewBox } from './ViewBox';
import type { VizModule } from './viz-module';

interface Props {
  run: RunResult;
  specs: ViewSpec[];
  viz: VizModule | undefined;
  /** Shown above the views in compare mode. */
  label?: string;
  /** Whether Step uses this run's index (the first run in compare mode). */
  primary: boolean;
}

/** The views of one run, all replaying the same playback time. */
export function RunViews({ run, specs, viz, label, primary }: Props) {
  const index = useMemo(() => viz?.buildTraceIndex(run), [run, viz]);
  useEffect(() => {
    if (primary && index) setCurrentIndex(run, index);
  }, [primary, run, index]);
  const plans = useMemo(
    () => (viz && index ? planViews(viz, run, index, specs) : []),
    [viz, run, index, specs],
  );
  return (
    <section className="run-views" aria-label={label ? `Views of ${label}` : 'Views of the run'}>
      {index ? <StatusLine index={index} label={label} /> : <p role="status">Loading views…</p>}
      {primary && !label ? <ActorInspector /> : null}
      <div className="view-grid">
        {plans.map((p) => (
          <ViewBox
            key={p.key}
            mount={p.mount}
            label={p.label}
            note={p.note}
            className={p.wide ? 'wide' : ''}
          />
        ))}
      </div>
    </section>
  );
}
