import { describe, expect, test } from 'vitest';
import { compileLearnerCode } from './compile';
import { evaluateLearnerModule, BLOCKED_GLOBALS, locateError } from './evaluate';
import { LearnerError } from './diagnostic';

function load(source: string, random = () => 0.25) {
  const c = compileLearnerCode(source);
  if (!c.ok) throw new Error('did not compile: ' + c.diagnostic.message);
  return evaluateLearnerModule(c.js, random);
}

describe('compile', () => {
  test('strips types and keeps exports', () => {
    const r = load(`import type { X } from './api';\nexport function f(a: number): number { return a * 2; }`);
    expect(r.ok && (r.exports.f as (a: number) => number)(21)).toBe(42);
  });

  test('a syntax error comes back with its line and column in the TypeScript source', () => {
    const r = compileLearnerCode(`export function f(a: number) {\n  return a +;\n}`);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.diagnostic.kind).toBe('syntax');
      expect(r.diagnostic.line).toBe(2);
      expect(r.diagnostic.column).toBeGreaterThan(1);
      expect(r.diagnostic.message).toMatch(/Unexpected token/);
    }
  });
});

describe('evaluate', () => {
  test('a runtime error points at the learner line that threw', () => {
    const r = load(
      `// one\n// two\nexport function f(): number {\n  const o: any = undefined;\n  return o.x;\n}`,
    );
    if (!r.ok) throw new Error('module body failed');
    try {
      (r.exports.f as () => number)();
      expect.unreachable();
    } catch (e) {
      expect(locateError(e).line).toBe(5);
    }
  });

  test('an error in the module body is a runtime diagnostic with its line', () => {
    const c = compileLearnerCode(`const a = 1;\nthrow new Error('top level');\nexport const b = a;`);
    const r = c.ok ? evaluateLearnerModule(c.js, Math.random) : undefined;
    expect(r?.ok).toBe(false);
    if (r && !r.ok) {
      expect(r.diagnostic.message).toMatch(/top level/);
      expect(r.diagnostic.line).toBe(2);
    }
  });

  test.each([
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'importScripts',
    'indexedDB',
    'caches',
    'globalThis',
    'process',
    'Date',
    'setTimeout',
  ])('%s is not available to learner code', (name) => {
    const r = load(`export function probe() { return typeof ${name}; }`);
    expect(r.ok && (r.exports.probe as () => string)()).toBe('undefined');
  });

  test('imports other than types are refused with a clear message', () => {
    const c = compileLearnerCode(`import fs from 'node:fs';\nexport const x = fs;`);
    const r = c.ok ? evaluateLearnerModule(c.js, Math.random) : undefined;
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.diagnostic.message).toMatch(/imports are not available/);
  });

  test("Math.random is the run's seeded stream; the rest of Math is intact", () => {
    let i = 0;
    const seq = [0.1, 0.2, 0.3];
    const r = load(
      `export function f() { return [Math.random(), Math.random(), Math.max(2, 3)]; }`,
      () => seq[i++]!,
    );
    expect(r.ok && (r.exports.f as () => number[])()).toEqual([0.1, 0.2, 3]);
  });

  test('the blocked list covers the network, storage and script-loading globals', () => {
    for (const g of [
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'EventSource',
      'importScripts',
      'indexedDB',
      'caches',
    ]) {
      expect(BLOCKED_GLOBALS).toContain(g);
    }
    expect(new LearnerError({ kind: 'api', message: 'm' }).diagnostic.message).toBe('m');
  });
});
