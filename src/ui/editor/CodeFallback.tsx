import type { Diagnostic } from '../../sandbox/diagnostic';
import { formatDiagnostic } from '../../sandbox/diagnostic';

/** Same props as the Monaco CodePane; a plain textarea for when the editor is not available. */
export interface CodeProps {
  lessonId: string;
  starter: string;
  api: string;
  value: string;
  onChange(code: string): void;
  onRun(): void;
  onReset(): void;
  diagnostics: Diagnostic[];
}

export function CodeFallback({ value, onChange, onRun, onReset, diagnostics }: CodeProps) {
  return (
    <div className="code-fallback">
      <div className="code-toolbar">
        <button type="button" className="primary" onClick={onRun} aria-label="Run">
          ▶ Run
        </button>
        <button type="button" onClick={onReset} aria-label="Reset">
          Reset
        </button>
      </div>
      <textarea
        aria-label="Your code"
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onRun();
          }
        }}
      />
      <ul className="diagnostics" aria-label="Problems from the last run" aria-live="polite">
        {diagnostics.map((d, i) => (
          <li key={i}>{formatDiagnostic(d)}</li>
        ))}
      </ul>
    </div>
  );
}
