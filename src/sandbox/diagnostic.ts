/** A problem with the learner's code (or the run), said so a learner can act on it. */
export interface Diagnostic {
  /** 'budget': the run was refused as too large (the message names the knob to lower). */
  kind: 'syntax' | 'runtime' | 'api' | 'timeout' | 'budget' | 'internal';
  message: string;
  /** 1-based line and column in the learner's TypeScript, when known. */
  line?: number;
  column?: number;
}

/** Thrown (and caught by the runner) when learner code fails while the model runs. */
export class LearnerError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'LearnerError';
  }
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line ? ` (line ${d.line}${d.column ? `, column ${d.column}` : ''})` : '';
  return `${d.kind === 'syntax' ? 'Syntax error' : d.kind === 'runtime' ? 'Error in your code' : d.kind === 'api' ? 'Your code' : d.kind === 'timeout' ? 'Stopped' : d.kind === 'budget' ? 'Too large' : 'Internal error'}${where}: ${d.message}`;
}
