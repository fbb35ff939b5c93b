import { compileLearnerCode } from '../sandbox/compile';
import { LearnerError, type Diagnostic } from '../sandbox/diagnostic';
import { evaluateLearnerModule, runtimeDiagnostic } from '../sandbox/evaluate';
import type { AnyLesson } from './types';

export type LoadedLearner =
  { ok: true; api: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

/**
 * Compiles and evaluates learner code, checks it exports the functions the lesson
 * needs, and wraps each so an exception becomes a diagnostic with the learner's line.
 */
export function loadLearnerCode(lesson: AnyLesson, source: string, random: () => number): LoadedLearner {
  const compiled = compileLearnerCode(source);
  if (!compiled.ok) return compiled;
  const evaluated = evaluateLearnerModule(compiled.js, random);
  if (!evaluated.ok) return evaluated;
  const api: Record<string, unknown> = {};
  for (const name of lesson.code.exports) {
    const fn = evaluated.exports[name];
    if (typeof fn !== 'function') {
      return {
        ok: false,
        diagnostic: {
          kind: 'api',
          message: `your code must export a function named ${name} (export function ${name}(...) { ... })`,
        },
      };
    }
    api[name] = (...args: unknown[]) => {
      try {
        return (fn as (...a: unknown[]) => unknown)(...args);
      } catch (err) {
        throw new LearnerError(runtimeDiagnostic(err, name));
      }
    };
  }
  return { ok: true, api };
}
