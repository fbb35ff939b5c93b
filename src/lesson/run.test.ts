import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { resolveParams } from './params';
import { runLesson } from './run';
import type { RunResult } from './types';

const polling = (await loadLesson('polling'))!;
const run = (code: string, params: Record<string, string | number> = {}) =>
  runLesson(polling, {
    lessonId: 'polling',
    params: { durationMs: 10_000, ...params },
    code,
    seed: 3,
    faults: [],
  });

describe('runLesson with learner code', () => {
  test('an exception in learner code stops the run with its line and fails the goals', () => {
    const r = run(
      `export function nextPollDelay(a: any): number {\n  const x: any = null;\n  return x.delay;\n}`,
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toMatchObject({ kind: 'runtime', line: 3 });
    expect(r.diagnostics[0]!.message).toMatch(/TypeError.*nextPollDelay/);
    expect(r.goals.every((g) => !g.passed && /the run stopped at \d+ ms/.test(g.detail))).toBe(true);
  });

  test('a nonsense return value is explained', () => {
    const r = run(`export function nextPollDelay(): number { return -5; }`);
    expect(r.diagnostics[0]).toMatchObject({ kind: 'api' });
    expect(r.diagnostics[0]!.message).toMatch(/must return a number of ms >= 0; it returned -5/);
  });

  test('a missing export is named', () => {
    const r = run(`export function nextDelay() { return 1; }`);
    expect(r.diagnostics[0]!.message).toMatch(/must export a function named nextPollDelay/);
    expect(r.endedAtMs).toBe(0);
  });

  test('a syntax error does not run and says where', () => {
    const r = run(`export function nextPollDelay( { return 1; }`);
    expect(r.diagnostics[0]).toMatchObject({ kind: 'syntax', line: 1 });
  });

  test('learner randomness is seeded: same seed, same run', () => {
    const code = `export function nextPollDelay() { return 200 + Math.random() * 800; }`;
    expect(run(code).metrics).toEqual(run(code).metrics);
  });
});

describe('params', () => {
  test('unknown names and out-of-range values are reported with the valid choices', () => {
    const r = resolveParams(polling.params, { strategy: 'medium', clients: 0, bogus: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('strategy must be one of short, long (got "medium")');
      expect(r.errors).toContain('clients must be between 1 and 1000 clients (got 0)');
      expect(r.errors.find((e) => e.startsWith('unknown param "bogus"'))).toMatch(
        /valid params: strategy, clients/,
      );
    }
  });
});

describe('polling model matches queueing theory', () => {
  test('short polling: p50 delay is about half the poll cycle, p99 about a whole cycle', () => {
    const r = run(polling.code.starter, { durationMs: 600_000, clients: 10, eventsPerSecond: 2 });
    const s = r.metrics.deliveryLatencyMs as { p50: number; p99: number };
    // Cycle = interval + round trip (the starter waits the interval after each answer).
    const cycle = 1000 + 2 * 55;
    expect(s.p50).toBeGreaterThan(cycle / 2 - 40);
    expect(s.p50).toBeLessThan(cycle / 2 + 100);
    expect(s.p99).toBeGreaterThan(0.97 * cycle);
    expect(s.p99).toBeLessThan(cycle + 120);
  });

  test('long polling: most updates arrive in one transit; requests per update match the renewal argument', () => {
    const r = run(polling.code.solution, {
      strategy: 'long',
      durationMs: 600_000,
      clients: 10,
      eventsPerSecond: 2,
    });
    const s = r.metrics.deliveryLatencyMs as { p50: number };
    expect(s.p50).toBeGreaterThanOrEqual(50);
    expect(s.p50).toBeLessThan(61);
    const rpu = r.metrics.requestsPerUpdate as number;
    // After each answer the next request needs a round trip (2L = 0.11 s with jitter) to reach the
    // server. Updates published meanwhile (Poisson, mean mu = rate x 2L) are answered at once; otherwise
    // the request is held for the next single update. Updates per request = e^-mu * 1 + mu.
    const mu = 2 * 0.11;
    const expected = 1 / (Math.exp(-mu) + mu);
    expect(rpu).toBeGreaterThan(expected - 0.05);
    expect(rpu).toBeLessThan(expected + 0.05);
    expect(r.metrics.openRequestsMax).toBe(10);
  });
});

describe('preview', () => {
  test('a partial result arrives once, covers the asked time, and does not change the run', () => {
    const scenario = { lessonId: 'polling', params: { durationMs: 20_000 }, seed: 4, faults: [] };
    const partials: RunResult[] = [];
    const full = runLesson(polling, scenario, { preview: { atMs: 3000, send: (r) => partials.push(r) } });
    const plain = runLesson(polling, scenario);
    expect(partials).toHaveLength(1);
    const p = partials[0]!;
    expect(p.partial).toBe(true);
    expect(p.endedAtMs).toBeGreaterThanOrEqual(3000);
    expect(p.endedAtMs).toBeLessThan(20_000);
    expect(p.trace.length).toBeLessThan(full.trace.length);
    expect([...p.trace.t.slice(0, p.trace.length)]).toEqual([...full.trace.t.slice(0, p.trace.length)]);
    expect(full.metrics).toEqual(plain.metrics);
    expect(full.trace.length).toBe(plain.trace.length);
  });
});

describe('polling through a server crash', () => {
  test.each(['short', 'long'])(
    '%s polling: the host refuses or resets requests at once, clients back off and recover after the restart',
    (strategy) => {
      const r = runLesson(polling, {
        lessonId: 'polling',
        params: { strategy, durationMs: 60_000 },
        code: polling.code.solution,
        seed: 3,
        faults: [
          { at: 20_000, kind: 'crash', actor: 'server' },
          { at: 22_000, kind: 'restart', actor: 'server' },
        ],
      });
      expect(r.diagnostics).toEqual([]);
      expect(r.metrics.failedRequests as number).toBeGreaterThanOrEqual(20);
      const lat = r.metrics.deliveryLatencyMs as { max: number };
      // A 2 s outage plus a jittered backoff of at most a few seconds, not a 35 s request timeout.
      expect(lat.max).toBeLessThan(8000);
      const failLabels = r.trace.strings.filter((s) => s.startsWith('RST'));
      expect(failLabels.length).toBeGreaterThan(0);
    },
  );
});
