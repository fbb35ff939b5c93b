import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { compileLearnerCode } from './compile';
import { COMPARTMENT_GLOBALS, evaluateLearnerModule } from './evaluate';

/** Evaluates learner code and calls its `probe` export. */
function probe(source: string): unknown {
  const c = compileLearnerCode(source);
  if (!c.ok) throw new Error(c.diagnostic.message);
  const r = evaluateLearnerModule(c.js, () => 0.5);
  if (!r.ok) return { diagnostic: r.diagnostic.message };
  return (r.exports.probe as () => unknown)();
}

/** Runs `expr` in learner code; returns its value, or the message of what it threw. */
function attempt(expr: string): unknown {
  return probe(
    `export function probe() { try { return ${expr}; } catch (e: any) { return 'threw: ' + e.message; } }`,
  );
}

const polling = (await loadLesson('polling'))!;
const STARTER = polling.code.starter;
const runPolling = (code: string, seed = 5) =>
  runLesson(
    polling,
    { lessonId: 'polling', params: { durationMs: 20_000 }, code, seed, faults: [] },
    { trace: true },
  );

describe('learner code cannot reach the host', () => {
  test("Function('return this')() gives no global object with host powers", () => {
    const g = attempt(`(Function('return this') as any)()`);
    expect(g === undefined || (typeof g === 'object' && !('fetch' in (g as object)))).toBe(true);
  });

  test.each([
    ['arrow function constructor', `(() => {}).constructor('return this')()`],
    ['array constructor chain', `([] as any).constructor.constructor('return this')()`],
    [
      'async function constructor',
      `(Object.getPrototypeOf(async function () {}) as any).constructor('return this')()`,
    ],
    ['generator constructor', `(Object.getPrototypeOf(function* () {}) as any).constructor('return this')()`],
    ['a host function passed in', `(Math.random as any).constructor('return this')()`],
  ])('%s cannot compile code', (_name, expr) => {
    expect(String(attempt(expr))).toMatch(/^threw: .*not a valid constructor/);
  });

  test.each([
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'WebTransport',
    'RTCPeerConnection',
    'FontFace',
    'navigator',
    'importScripts',
    'indexedDB',
    'caches',
    'Image',
    'performance',
    'Date',
    'setTimeout',
    'queueMicrotask',
    'WeakRef',
    'FinalizationRegistry',
    'Compartment',
    'harden',
    'process',
    'Buffer',
  ])('%s is not reachable, by name or through the global object', (name) => {
    expect(attempt(`typeof ${name}`)).toBe('undefined');
    expect(attempt(`typeof ((0, eval)('this') as any)?.${name}`)).toBe('undefined');
    expect(attempt(`typeof (Function('return globalThis')() as any).${name}`)).toBe('undefined');
  });

  test('navigator.sendBeacon and fetch through the compartment global are absent', () => {
    expect(
      attempt(`(Function('return globalThis')() as any).navigator?.sendBeacon('http://x/', 'y')`),
    ).toBeUndefined();
    expect(String(attempt(`(Function('return globalThis')() as any).fetch('http://x/')`))).toMatch(
      /^threw: .*not a function/,
    );
  });

  test('the compartment global holds only ECMAScript intrinsics and the allow-list', () => {
    const names = attempt(
      `Object.getOwnPropertyNames(Function('return globalThis')()).filter((n: string) => (Function('return globalThis')() as any)[n] !== undefined)`,
    ) as string[];
    const ecmascript = new Set(
      Object.getOwnPropertyNames(globalThis).filter(
        (n) =>
          /^[A-Z]/.test(n) ||
          [
            'globalThis',
            'eval',
            'isFinite',
            'isNaN',
            'parseFloat',
            'parseInt',
            'decodeURI',
            'decodeURIComponent',
            'encodeURI',
            'encodeURIComponent',
            'escape',
            'unescape',
          ].includes(n),
      ),
    );
    const hostOnly = [
      'FontFace',
      'WebTransport',
      'RTCPeerConnection',
      'Buffer',
      'process',
      'fetch',
      'navigator',
    ];
    for (const n of names) {
      expect(hostOnly).not.toContain(n);
      expect(ecmascript.has(n) || (COMPARTMENT_GLOBALS as readonly string[]).includes(n), n).toBe(true);
    }
  });

  test('import() is refused, directly or through Function', async () => {
    // sucrase turns a literal import() into require(), which refuses every module.
    const direct = probe(`export function probe() { return import('http://127.0.0.1:9/x.js'); }`);
    await expect(direct).rejects.toThrow(/imports are not available/);
    // SES refuses any source with an import expression, even in a string: the module does not load.
    expect(attempt(`Function('return import("http://127.0.0.1:9/x.js")')()`)).toEqual({
      diagnostic: expect.stringMatching(/import\(\) is not available/),
    });
    // Built at run time, the text reaches the compartment's Function, which refuses it too.
    expect(String(attempt("Function('return imp' + 'ort(\\'http://127.0.0.1:9/x.js\\')')()"))).toMatch(
      /^threw: .*import/i,
    );
    expect(String(attempt("(0, eval)('imp' + 'ort(\\'http://127.0.0.1:9/x.js\\')')"))).toMatch(
      /^threw: .*import/i,
    );
  });
});

describe('learner code cannot change the shared intrinsics', () => {
  test.each([
    ['Math.round', `(Math as any).round = () => 1`],
    ['Array.prototype.push', `(Array.prototype as any).push = () => 0`],
    ['Object.prototype', `(Object.prototype as any).poisoned = 1`],
    ['JSON.stringify', `(JSON as any).stringify = () => '{}'`],
    ['Function.prototype.call', `(Function.prototype as any).call = () => 0`],
    ['global Math via Function', `(Function('return globalThis')() as any).Math.round = () => 1`],
    ['global Math replaced', `(Function('return globalThis')() as any).Math = {}`],
  ])('%s cannot be patched', (_name, expr) => {
    expect(String(attempt(expr))).toMatch(/^threw: /);
    expect(Math.round(1.6)).toBe(2);
    expect([1].push(2)).toBe(2);
    expect(({} as Record<string, unknown>).poisoned).toBeUndefined();
  });

  test('a poisoned run does not change the next run of the untouched starter', () => {
    const before = runPolling(STARTER);
    const poison = `const G: any = Function('return this')() ?? Function('return globalThis')();
try { G.Math.round = () => 1; } catch {}
try { (Math as any).round = () => 1; } catch {}
try { (Array.prototype as any).push = function () { return 0; }; } catch {}
try { (Object.prototype as any).then = 1; } catch {}
export function nextPollDelay(a: any, s: any): number { return s.pollIntervalMs; }`;
    const poisoned = runPolling(poison);
    expect(poisoned.diagnostics).toEqual([]);
    const after = runPolling(STARTER);
    expect(after.metrics).toEqual(before.metrics);
    expect(after.goals).toEqual(before.goals);
    expect(after.trace.t).toEqual(before.trace.t);
  });
});

describe('learner code has no clock', () => {
  const clockReader = `
const G: any = Function('return globalThis')();
function readClocks(): number {
  let t = 0;
  for (const f of [
    () => (G.performance as any).now(),
    () => G.Date.now(),
    () => (Date as any).now(),
    () => new (G.Date as any)().getTime(),
    () => new (Object.getPrototypeOf(new Error()).constructor as any)().stack.length,
  ]) {
    try { t += Number(f()) || 0; } catch { t += 0; }
  }
  return t;
}
export function nextPollDelay(a: any, s: any): number {
  return s.pollIntervalMs + (readClocks() % 7);
}`;
  test('same seed, same metrics, even for code that tries every clock', () => {
    const a = runPolling(clockReader, 11);
    const b = runPolling(clockReader, 11);
    expect(a.diagnostics).toEqual([]);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.trace.t).toEqual(b.trace.t);
  });

  test("Math.random is the run's seeded stream", () => {
    const code = `export function nextPollDelay(a: any, s: any): number { return s.pollIntervalMs * (0.5 + Math.random()); }`;
    expect(runPolling(code, 3).metrics).toEqual(runPolling(code, 3).metrics);
    expect(runPolling(code, 3).metrics).not.toEqual(runPolling(code, 4).metrics);
  });
});
