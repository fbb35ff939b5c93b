import type { Statement } from './api';

// Called for every committed write when the method is 'statement': may the followers simply
// run this SQL again (true), or must they get the changed rows (false)?
export function shipAsStatement(statement: Statement): boolean {
  // SQL text is small: ship everything as statements.
  return true;
}
