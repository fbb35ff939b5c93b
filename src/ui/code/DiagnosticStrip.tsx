import type { Diagnostic } from '../../sandbox/diagnostic';
import type { TypeProblem } from '../../state/slices/run-slice';
import { describeKind } from './diagnostic-text';

interface DiagnosticStripProps {
  diagnostics: readonly Diagnostic[];
  typeErrors: readonly TypeProblem[];
  /** Moves the cursor to a line, so a learner can go from the message to the code. */
  onGoToLine(line: number, column?: number): void;
}

function Problem({
  text,
  line,
  column,
  onGoToLine,
}: { text: string; line?: number; column?: number } & Pick<DiagnosticStripProps, 'onGoToLine'>) {
  return line ? (
    <button type="button" className="code-pane__problem" onClick={() => onGoToLine(line, column)}>
      {`Line ${line}: ${text}`}
    </button>
  ) : (
    <span className="code-pane__problem">{text}</span>
  );
}

/**
 * Under the editor: the last run's problems, and TypeScript's errors when Run was pressed
 * (each a button to its line). Type errors do not stop a run: the code runs when it is valid JavaScript.
 */
export function DiagnosticStrip({ diagnostics, typeErrors, onGoToLine }: DiagnosticStripProps) {
  const ranAnyway = !diagnostics.some((d) => d.kind === 'syntax');
  // The live region stays mounted so screen readers announce problems as they appear.
  return (
    <div className="code-pane__problems" aria-live="polite">
      {diagnostics.length > 0 && (
        <ul aria-label="Problems from the last run">
          {diagnostics.map((d, i) => (
            <li key={i}>
              <Problem
                text={`${describeKind(d)}: ${d.message}`}
                line={d.line}
                column={d.column}
                onGoToLine={onGoToLine}
              />
            </li>
          ))}
        </ul>
      )}
      {typeErrors.length > 0 && (
        <div className="code-pane__types">
          <p className="code-pane__types-note">
            {typeErrors.length} type error{typeErrors.length === 1 ? '' : 's'}
            {ranAnyway
              ? ': the code still ran, because it is valid JavaScript. Fix them to be sure it does what you mean.'
              : '.'}
          </p>
          <ul aria-label="Type errors">
            {typeErrors.map((p, i) => (
              <li key={i}>
                <Problem text={p.message} line={p.line} column={p.column} onGoToLine={onGoToLine} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
