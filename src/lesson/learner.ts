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
export interface LearnerWatch {
  /** Control enters learner code; true if the watchdog was told (then `exit` must tell it control left). */
  enter(name: string): boolean;
  exit(): void;
}
let watch: LearnerWatch | undefined;

/** Installs (or removes) the hooks for every learner module loaded afterwards. */
export function watchLearnerCalls(hooks: LearnerWatch | undefined): void {
  watch = hooks;
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
  const w = watch;
  const told = w?.enter(MODULE_BODY) ?? false;
  const evaluated = evaluateLearnerModule(compiled.js, random);
  if (told) w?.exit();
  if (!evaluated.ok) return evaluated;
  const api: Record<string, unknown> = {};
  const optional = new Set(lesson.code.optionalExports ?? []);
  for (const name of [...lesson.code.exports, ...optional]) {
    const fn = evaluated.exports[name];
    if (fn === undefined && optional.has(name)) continue;
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
    // Up to three arguments are passed without gathering them into an array: a lesson may
    // call learner code for every key of a million (the sharding router), and the array
    // per call then costs more than the call.
    api[name] = function (this: unknown, a?: unknown, b?: unknown, c?: unknown) {
      const toldEntry = w !== undefined && w.enter(name);
      try {
        // The learner's function gets exactly the arguments passed (its rest parameters
        // and arguments.length stay true), without an array for the common arities.
        /* eslint-disable prefer-rest-params */
        const n = arguments.length;
        if (n === 2) return call(a, b);
        if (n === 1) return call(a);
        if (n === 3) return call(a, b, c);
        if (n === 0) return call();
        return call(...(arguments as unknown as unknown[]));
        /* eslint-enable prefer-rest-params */
      } catch (err) {
        throw new LearnerError(runtimeDiagnostic(err, name));
      } finally {
        if (toldEntry) w.exit();
      }
    };
  }
  return { ok: true, api };
}
