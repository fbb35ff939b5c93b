import { LearnerError, type Diagnostic } from './diagnostic';

/**
 * Names the learner's module cannot see: network, storage, script loading, DOM,
 * timers and the wall clock. They are shadowed by parameters of the module
 * function; inside the Web Worker the real globals are also deleted before any
 * learner code runs (see src/worker/lockdown.ts), which closes the
 * `globalThis`-lookup side doors this shadowing alone cannot.
 */
export const BLOCKED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'indexedDB',
  'caches',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'document',
  'window',
  'self',
  'globalThis',
  'postMessage',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'setTimeout',
  'setInterval',
  'queueMicrotask',
  'requestAnimationFrame',
  'Date',
  'performance',
  'process',
  'global',
] as const;

const SOURCE_URL = 'learner.ts';

/** Lines V8 puts before the body of `new Function(...)`, measured once. */
let bodyLineOffset: number | undefined;
function lineOffset(): number {
  if (bodyLineOffset === undefined) {
    try {
      new Function(`throw new Error('probe')\n//# sourceURL=${SOURCE_URL}`)();
    } catch (e) {
      const m = new RegExp(`${SOURCE_URL}:(\\d+):`).exec(String((e as Error).stack));
      bodyLineOffset = m ? Number(m[1]) - 1 : 2;
    }
  }
  return bodyLineOffset as number;
}

/** Where in the learner's source an error was thrown, from its stack. */
export function locateError(err: unknown): { line?: number; column?: number } {
  const stack = String((err as Error | undefined)?.stack ?? '');
  const m = new RegExp(`${SOURCE_URL}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return {};
  return { line: Math.max(1, Number(m[1]) - lineOffset()), column: Number(m[2]) };
}

export function runtimeDiagnostic(err: unknown, during: string): Diagnostic {
  if (err instanceof LearnerError) return err.diagnostic;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;
  return { kind: 'runtime', message: `${message} (in ${during})`, ...locateError(err) };
}

/** A copy of Math whose random() is the run's seeded stream, so learner runs stay reproducible. */
function seededMath(random: () => number): Math {
  const m = Object.create(Math) as Math;
  Object.defineProperty(m, 'random', { value: random });
  return Object.freeze(m);
}

export type EvalResult =
  { ok: true; exports: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

/** Runs compiled learner CommonJS and returns its exports. */
export function evaluateLearnerModule(js: string, random: () => number): EvalResult {
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (name: string) => {
    throw new Error(`imports are not available in lesson code (tried "${name}"); only types can be imported`);
  };
  try {
    const fn = new Function(
      'exports',
      'module',
      'require',
      'Math',
      ...BLOCKED_GLOBALS,
      `"use strict";${js}\n//# sourceURL=${SOURCE_URL}`,
    ) as (...args: unknown[]) => void;
    fn(exports, module, require, seededMath(random));
  } catch (err) {
    return { ok: false, diagnostic: runtimeDiagnostic(err, 'module body') };
  }
  return { ok: true, exports: module.exports as Record<string, unknown> };
}
