import type { Diagnostic } from '../../sandbox/diagnostic';
import { monaco } from './monaco-setup';

/** Marker owner for problems from runs, apart from the TypeScript worker's own markers. */
export const RUN_MARKER_OWNER = 'run';

/**
 * Run diagnostics as Monaco markers. Monaco widens the ranges itself: an empty range
 * becomes the word at that column, and columns 1..MAX_VALUE the line's text without its indent.
 */
export function runMarkers(diagnostics: readonly Diagnostic[]): monaco.editor.IMarkerData[] {
  return diagnostics
    .filter((d) => d.line !== undefined && d.line >= 1)
    .map((d) => {
      const line = d.line as number;
      const hasColumn = d.column !== undefined && d.column >= 1;
      return {
        severity: monaco.MarkerSeverity.Error,
        message: d.message,
        source: d.kind === 'syntax' ? 'syntax error' : d.kind === 'runtime' ? 'run' : d.kind,
        startLineNumber: line,
        endLineNumber: line,
        startColumn: hasColumn ? (d.column as number) : 1,
        endColumn: hasColumn ? (d.column as number) : Number.MAX_VALUE,
      };
    });
}

/** The strip's text for one diagnostic: "Line 3: Unexpected token". */
export function describeDiagnostic(d: Diagnostic): string {
  return d.line ? `Line ${d.line}: ${d.message}` : d.message;
}
