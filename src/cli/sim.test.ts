import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseArgs } from './args';

const exec = promisify(execFile);

/** Runs the real CLI the way `npm run sim -- ...` does. */
async function sim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['scripts/run-ts.mjs', 'src/cli/sim.ts', ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

function codeFile(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
  const f = join(dir, 'policy.ts');
  writeFileSync(f, source);
  return f;
}

describe('npm run sim', () => {
  test('--json prints exactly one JSON object, identical on every run', async () => {
    const a = await sim('polling', '--seed', '7', '--json');
    const b = await sim('polling', '--seed', '7', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(a.stdout);
    expect(Object.keys(out)).toEqual(['lesson', 'seed', 'params', 'mode', 'traceEvents', 'metrics', 'goals']);
    // A default run's whole trace fits the page: full mode, and the size it has.
    expect(out.mode).toBe('full');
    expect(out.traceEvents).toBeGreaterThan(1000);
    expect(out).toMatchObject({
      lesson: 'polling',
      seed: 7,
      params: { strategy: 'short', clients: 20, durationMs: 60000 },
    });
    for (const m of ['requests', 'emptyResponses', 'eventsDelivered', 'openRequestsMax'])
      expect(typeof out.metrics[m]).toBe('number');
    expect(Object.keys(out.metrics.deliveryLatencyMs)).toEqual(['p50', 'p90', 'p99', 'mean', 'max', 'count']);
    expect(out.goals[0]).toMatchObject({ id: 'fresh', passed: false });
  }, 30_000);

  test('--set strategy=long changes the outcome the way the techniques differ', async () => {
    const short = JSON.parse((await sim('polling', '--seed', '7', '--json')).stdout).metrics;
    const long = JSON.parse(
      (
        await sim(
          'polling',
          '--seed',
          '7',
          '--json',
          '--set',
          'strategy=long',
          '--code',
          'lessons/polling/solution.ts',
        )
      ).stdout,
    ).metrics;
    expect(long.requests).toBeLessThan(short.requests / 1.5);
    expect(long.emptyResponses).toBeLessThan(short.emptyResponses / 10);
    expect(long.deliveryLatencyMs.p99).toBeLessThan(short.deliveryLatencyMs.p99 / 4);
    expect(long.openRequestsMax).toBe(20);
    expect(short.openRequestsMax).toBe(0);
  }, 30_000);

  test('--duration and --set are applied and reported', async () => {
    const out = JSON.parse(
      (await sim('polling', '--json', '--duration', '5000', '--set', 'clients=3')).stdout,
    );
    expect(out.params).toMatchObject({ durationMs: 5000, clients: 3 });
    expect(out.seed).toBe(1);
  }, 30_000);

  test('without --json it prints a readable table', async () => {
    const r = await sim('polling', '--duration', '5000');
    expect(r.stdout).toMatch(/^Short vs long polling \(polling\), seed 1/);
    expect(r.stdout).toMatch(/FAIL {2}Every client has each update within 250 ms/);
  }, 30_000);

  test.each([
    [['nope'], /unknown lesson "nope"; lessons: polling/],
    [['polling', '--set', 'bogus=1'], /unknown param "bogus" for polling; params: strategy, clients/],
    [['polling', '--set', 'strategy=medium'], /strategy must be one of short, long/],
    [['polling', '--set', 'clients=5000'], /clients must be between 1 and 1000/],
    [['polling', '--seed', 'x'], /--seed must be a whole number/],
    [['polling', '--frobnicate'], /unknown option --frobnicate/],
    [['polling', '--code', '/nonexistent/file.ts'], /cannot read code file/],
  ])(
    'bad input %j: one line on stderr, exit 2, no stack',
    async (args, message) => {
      const r = await sim(...args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );

  test('a broken code file is named with its line', async () => {
    const r = await sim(
      'polling',
      '--code',
      codeFile('export function nextPollDelay() {\n  return 1 +;\n}\n'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/policy\.ts:2:\d+: syntax error: Unexpected token/);
    const missing = await sim('polling', '--code', codeFile('export const x = 1;\n'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/must export a function named nextPollDelay/);
  }, 30_000);
});

describe('npm run sim under limits', () => {
  test('a function that never returns is stopped: one line naming it and the limit, non-zero exit', async () => {
    const r = await sim(
      'polling',
      '--code',
      codeFile('export function nextPollDelay(): number {\n  while (true) {}\n}\n'),
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/policy\.ts: nextPollDelay\(\) ran for more than 2 s .*limit 2 s/);
  }, 30_000);

  test('a run too large to finish in a minute is refused up front: one line naming the knob, exit 2', async () => {
    const r = await sim(
      'polling',
      '--set',
      'clients=1000',
      '--set',
      'eventsPerSecond=50',
      '--set',
      'durationMs=3600000',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /too large .* lower clients from 1000 to \d+ or less, or durationMs from 3600000 to \d+ or less/,
    );
  }, 60_000);

  test('--seeds A..B --json prints per-metric distributions and per-goal pass rates', async () => {
    const r = await sim('polling', '--seeds', '1..3', '--json', '--duration', '5000');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['lesson', 'seeds', 'params', 'mode', 'metrics', 'goals']);
    expect(out.seeds).toEqual([1, 2, 3]);
    expect(Object.keys(out.metrics.requests)).toEqual(['min', 'p50', 'mean', 'max', 'sd', 'values']);
    expect(out.metrics.requests.values).toHaveLength(3);
    expect(Object.keys(out.metrics.deliveryLatencyMs)).toEqual(['p50', 'p90', 'p99', 'mean', 'max', 'count']);
    expect(out.goals[0]).toMatchObject({ id: 'fresh', runs: 3 });
    expect(out.goals[0].passRate).toBeCloseTo(out.goals[0].passed / 3, 3);
    // Each seed's values are those of a single-seed run.
    const one = JSON.parse((await sim('polling', '--seed', '2', '--json', '--duration', '5000')).stdout);
    expect(out.metrics.requests.values[1]).toBe(one.metrics.requests);
  }, 60_000);
});

test('parseArgs reads --seeds ranges and lists', () => {
  expect(parseArgs(['polling', '--seeds', '3..6']).seeds).toEqual([3, 4, 5, 6]);
  expect(parseArgs(['polling', '--seeds', '1,5,9']).seeds).toEqual([1, 5, 9]);
  expect(parseArgs(['polling']).seeds).toEqual([1]);
  expect(() => parseArgs(['polling', '--seeds', '5..1'])).toThrow(/must go up/);
  expect(() => parseArgs(['polling', '--seed', '1', '--seeds', '1..2'])).toThrow(/not both/);
});

test('parseArgs reads repeated --set', () => {
  expect(parseArgs(['polling', '--set', 'a=1', '--set', 'b=x=y']).sets).toEqual([
    ['a', '1'],
    ['b', 'x=y'],
  ]);
});
