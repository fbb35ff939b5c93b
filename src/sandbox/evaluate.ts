import { LearnerError, type Diagnostic } from './diagnostic';
import { hardenRealm } from './realm';

/**
 * Names the learner's module cannot see. Learner code runs in an SES Compartment
 * (see realm.ts) whose global object holds only the frozen ECMAScript intrinsics and
 * COMPARTMENT_GLOBALS; nothing else is reachable by any route (`Function('return this')`,
 * constructors of literals, prototypes). These names are also shadowed as parameters of
 * the module function, a second wall that costs nothing.
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

/**
 * What the compartment's global object holds besides the ECMAScript intrinsics: a seeded
 * Math and a console. Everything SES would add that is not needed (or is a clock, or a
 * garbage-collection side channel) is set to undefined.
 */
export const COMPARTMENT_GLOBALS = ['Math', 'console'] as const;
const REMOVED_GLOBALS = [
  'Date',
  'WeakRef',
  'FinalizationRegistry',
  'harden',
  'lockdown',
  'Compartment',
  'assert',
] as const;

const SOURCE_URL = 'learner.ts';
/** The module function's header sits on its own line; the learner's line 1 is line 2. */
const HEADER_LINES = 1;

/** Where in the learner's source an error was thrown, from its stack. */
export function locateError(err: unknown): { line?: number; column?: number } {
  const stack = String((err as Error | undefined)?.stack ?? '');
  const m = new RegExp(`${SOURCE_URL}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return {};
  return { line: Math.max(1, Number(m[1]) - HEADER_LINES), column: Number(m[2]) };
}

export function runtimeDiagnostic(err: unknown, during: string): Diagnostic {
  if (err instanceof LearnerError) return err.diagnostic;
  const message = err instanceof Error ? `${err.name}: ${err.message}` : `threw ${String(err)}`;
  return { kind: 'runtime', message: `${message} (in ${during})`, ...locateError(err) };
}

const MATH_NAMES = Object.getOwnPropertyNames(Math);

/** A frozen copy of Math whose random() is the run's seeded stream, so learner runs stay reproducible. */
function seededMath(source: () => number): Math {
  const m: Record<string | symbol, unknown> = {};
  for (const k of MATH_NAMES) m[k] = (Math as unknown as Record<string, unknown>)[k];
  m[Symbol.toStringTag] = 'Math';
  // An arrow function: no `prototype` object for learner code to scribble on.
  m.random = Object.freeze(() => source());
  return Object.freeze(m) as unknown as Math;
}

type ConsoleFn = (...args: unknown[]) => void;
/** console.log and friends forward to the host console (debugging aid, no I/O beyond it). */
function learnerConsole(): Console {
  const c: Record<string, ConsoleFn> = {};
  for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const host = console[k] as ConsoleFn;
    c[k] = Object.freeze((...args: unknown[]) => host('[learner]', ...args));
  }
  return Object.freeze(c) as unknown as Console;
}

export type EvalResult =
  { ok: true; exports: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic };

/** A fresh compartment for one run: its own global object, the realm's frozen intrinsics. */
function learnerCompartment(random: () => number): Compartment {
  hardenRealm();
  const globals: Record<string, unknown> = { Math: seededMath(random), console: learnerConsole() };
  for (const name of REMOVED_GLOBALS) globals[name] = undefined;
  const c = new Compartment({ globals, __options__: true });
  // A frozen global object: learner code cannot add or replace names, and SES turns every
  // global into a constant binding (fast lookups in hot learner functions).
  Object.freeze(c.globalThis);
  return c;
}

/** Runs compiled learner CommonJS in a fresh compartment and returns its exports. */
export function evaluateLearnerModule(js: string, random: () => number): EvalResult {
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (name: string) => {
    throw new Error(`imports are not available in lesson code (tried "${name}"); only types can be imported`);
  };
  try {
    const compartment = learnerCompartment(random);
    const fn = compartment.evaluate(
      `(function (exports, module, require, ${BLOCKED_GLOBALS.join(', ')}) {"use strict";\n${js}\n})\n//# sourceURL=${SOURCE_URL}`,
    ) as (...args: unknown[]) => void;
    fn(exports, module, require);
  } catch (err) {
    return { ok: false, diagnostic: runtimeDiagnostic(importRejection(err), 'module body') };
  }
  return { ok: true, exports: module.exports as Record<string, unknown> };
}

/** SES refuses sources with `import(` (dynamic import escapes any allow-list): say so plainly. */
function importRejection(err: unknown): unknown {
  const msg = (err as Error | undefined)?.message ?? '';
  if (/SES_IMPORT_REJECTED|import expression rejected/i.test(msg))
    return new SyntaxError('import() is not available in lesson code (no modules or network)');
  if (/SES_HTML_COMMENT_REJECTED/.test(msg))
    return new SyntaxError('"<!--" and "-->" are not allowed in lesson code (HTML-like comments)');
  return err;
}
