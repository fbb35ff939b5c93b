import { useEffect, useMemo } from 'react';
import type { RunResult, ViewSpec } from '../../lesson/types';
import { setCurrentIndex } from './current-index';
import { fallbackIndex } from './fallback-index';
import { planViews } from './run-views';
import { ActorInspector } from './ActorInspector';
import { StatusLine } from './StatusLine';
import { ViewBox } from './ViewBox';
import type { VizModule } from './viz-api';

interface Props {
  run: RunResult;
  specs: ViewSpec[];
  viz: VizModule | null | undefined;
  /** Shown above the views in compare mode. */
  label?: string;
  /** Whether Step uses this run's index (the first run in compare mode). */
  primary: boolean;
}

/** The views of one run, all replaying the same playback time. */
export function RunViews({ run, specs, viz, label, primary }: Props) {
  const index = useMemo(() => (viz ? viz.buildTraceIndex(run) : fallbackIndex(run)), [run, viz]);
  useEffect(() => {
    if (primary) setCurrentIndex(run, index);
  }, [primary, run, index]);
  const plans = useMemo(() => (viz ? planViews(viz, run, index, specs) : []), [viz, run, index, specs]);
  return (
    <section className="run-views" aria-label={label ? `Views of ${label}` : 'Views of the run'}>
      <StatusLine index={index} label={label} />
      {primary && !label ? <ActorInspector /> : null}
      {viz === undefined ? <p role="status">Loading views…</p> : null}
      {viz === null ? (
        <p role="status">
          The views are not available in this build; the status line above still follows the run.
        </p>
      ) : null}
      <div className="view-grid">
        {plans.map((p) => (
          <ViewBox key={p.key} mount={p.mount} label={p.label} className={p.wide ? 'wide' : ''} />
        ))}
      </div>
    </section>
  );
}
