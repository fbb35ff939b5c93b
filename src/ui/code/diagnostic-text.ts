import type { Diagnostic } from '../../sandbox/diagnostic';

/** The kind of a problem in words; 'budget' is a run refused as too large (its message names the knob). */
export function describeKind(d: Pick<Diagnostic, 'kind'>): string {
  switch (d.kind as string) {
    case 'syntax':
      return 'Syntax error';
    case 'runtime':
      return 'Error in your code';
    case 'api':
      return 'Your code';
    case 'timeout':
      return 'Stopped';
    case 'budget':
      return 'Run refused (too large)';
    case 'type':
      return 'Type error';
    default:
      return 'Internal error';
  }
}
