import { LearnerError } from '../sandbox/diagnostic';

/**
 * For models: reject a value the learner's function returned, with a sentence saying why.
 * Kept apart from learner.ts so lesson models do not pull the compiler into the page.
 */
export function learnerMistake(message: string): never {
  throw new LearnerError({ kind: 'api', message });
}
