import type { Diagnostic } from '../../sandbox/diagnostic';
import { describeDiagnostic } from './run-markers';

interface DiagnosticStripProps {
  diagnostics: readonly Diagnostic[];
  /** Moves the cursor to a line, so a learner can go from the message to the code. */
  onGoToLine(line: number, column?: number): void;
}

/** The last run's problems in words, under the editor; nothing when there are none. */
export function DiagnosticStrip({ diagnostics, onGoToLine }: DiagnosticStripProps) {
  // The live region stays mounted so screen readers announce problems as they appear.
  return (
    <div className="code-pane__problems" aria-live="polite">
      {diagnostics.length > 0 && (
        <ul aria-label="Problems from the last run">
          {diagnostics.map((d, i) => (
            <li key={i}>
              {d.line ? (
                <button
                  type="button"
                  className="code-pane__problem"
                  onClick={() => onGoToLine(d.line!, d.column)}
                >
                  {describeDiagnostic(d)}
                </button>
              ) : (
                <span className="code-pane__problem">{describeDiagnostic(d)}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
