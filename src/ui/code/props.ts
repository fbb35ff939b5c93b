import type { Diagnostic } from '../../sandbox/diagnostic';
import type { TypeProblem } from '../../state/slices/run-slice';

/** What the app passes to the code pane. The pane is controlled: `value` is the source of truth. */
export interface CodePaneProps {
  lessonId: string;
  /** The lesson's starting code: what Reset returns to and the left side of the diff. */
  starter: string;
  /** The lesson's api.ts source, so `import type { ... } from './api'` type-checks in the editor. */
  api: string;
  value: string;
  onChange(code: string): void;
  onRun(): void;
  onReset(): void;
  /** Problems from the last run; shown as markers and as a strip under the editor. Empty clears them. */
  diagnostics: Diagnostic[];
  /** TypeScript's errors when Run was last pressed; listed under the editor. */
  typeErrors: TypeProblem[];
  /** Called with TypeScript's errors each time Run is pressed (the run goes ahead regardless). */
  onTypeErrors(problems: TypeProblem[]): void;
}
