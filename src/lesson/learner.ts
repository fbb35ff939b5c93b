import { compileLearnerCode } from '../sandbox/compile';
import { LearnerError, type Diagnostic } from '../sandbox/diagnostic';
import { evaluateLearnerModule, runtimeDiagnostic } from '../sandbox/evaluate';
import type { AnyLesson } from './types';

export type LoadedLearner =
  { ok: true; api: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

/**
 * Told each time control enters learner code (the module body, then each exported
 * function by name). The sim worker and the CLI's runner thread install one that posts
 * a heartbeat naming the function, so a watchdog that hears nothing afterwards knows
 * whose code is running and applies the learner's time limit, not the engine's.
 */
export type LearnerEntry = (name: string) => void;
let onEnter: LearnerEntry | undefined;

/** Installs (or removes) the entry hook for every learner module loaded afterwards. */
export function watchLearnerCalls(hook: LearnerEntry | undefined): void {
  onEnter = hook;
}

/** The name the module body is reported under (heartbeats, diagnostics). */
export const MODULE_BODY = 'module body';

/**
 * Compiles and evaluates learner code, checks it exports the functions the lesson
 * needs, and wraps each so an exception becomes a diagnostic with the learner's line.
 */
export function loadLearnerCode(lesson: AnyLesson, source: string, random: () => number): LoadedLearner {
  const compiled = compileLearnerCode(source);
  if (!compiled.ok) return compiled;
  const enter = onEnter;
  enter?.(MODULE_BODY);
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
    const call = fn as (...a: unknown[]) => unknown;
    api[name] = (...args: unknown[]) => {
      enter?.(name);
      try {
        return call(...args);
      } catch (err) {
        throw new LearnerError(runtimeDiagnostic(err, name));
      }
    };
  }
  return { ok: true, api };
}
