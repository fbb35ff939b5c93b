import { aggregateNote } from '../../lesson/run-mode';
import { describeKind } from '../code/diagnostic-text';
import { cancelRun } from '../../state/actions';
import {
  selectDiagnostics,
  selectPreview,
  selectRunning,
  selectRunProgress,
  selectStale,
} from '../../state/selectors';
import { useStore } from '../../state/store';

/**
 * Says what the views show when it is not the latest run: a new run is going (with its
 * progress and a Cancel button), or the latest failed and the previous run stays on screen;
 * or, for a run too long to animate whole (aggregate mode), how much of it the animation shows.
 */
export function RunBanner() {
  const running = useStore(selectRunning);
  const progress = useStore(selectRunProgress);
  const stale = useStore(selectStale);
  const preview = useStore(selectPreview);
  const hasRun = useStore((s) => s.current !== null);
  const problem = useStore(selectDiagnostics)[0];
  const aggregate = useStore((s) => (s.current ? aggregateNote(s.current) : undefined));
  if (running && hasRun) {
    return (
      <div className="run-banner running" data-testid="run-banner">
        <span>
          {preview
            ? 'New run in progress: its first moments are shown; goals and metrics are from the previous run.'
            : 'New run in progress: what is shown is from the previous run.'}
        </span>
        <progress max={1} value={progress} aria-label="Run progress" />
        <span className="pct">{Math.round(progress * 100)}%</span>
        <button type="button" onClick={cancelRun}>
          Cancel run
        </button>
      </div>
    );
  }
  if (running) {
    return (
      <div className="run-banner running" data-testid="run-banner">
        <span>Running the simulation…</span>
        <progress max={1} value={progress} aria-label="Run progress" />
        <button type="button" onClick={cancelRun}>
          Cancel run
        </button>
      </div>
    );
  }
  if (stale) {
    return (
      <div className="run-banner stale" data-testid="run-banner">
        <strong>From the previous run.</strong>{' '}
        <span>
          {problem
            ? `The latest run did not complete: ${describeKind(problem)}${problem.line ? ` (line ${problem.line})` : ''}: ${problem.message}`
            : 'The latest run did not complete.'}
        </span>
      </div>
    );
  }
  if (aggregate) {
    return (
      <div className="run-banner aggregate" data-testid="run-banner" role="status">
        <strong>Aggregate run.</strong> <span>{aggregate}</span>
      </div>
    );
  }
  return null;
}
