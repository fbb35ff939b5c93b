import { describe, expect, test } from 'vitest';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import lesson from './index';
import { rowBytes, statementBytes, sqlOf } from './statements';
import { interleavedInsertSelect } from './theory';

type Params = Record<string, string | number>;

function run(params: Params = {}, code = lesson.code.solution, seed = 7): RunResult {
  const r = runLesson(lesson, { lessonId: lesson.id, params, code, seed, faults: [] }, { trace: false });
  expect(r.diagnostics, JSON.stringify(params)).toEqual([]);
  return r;
}
const num = (r: RunResult, k: string) => r.metrics[k] as number;

/** Learner code that ships as statements all but the statements whose SQL matches `unsafe`. */
const shipping = (unsafe: string) =>
  `import type { Statement } from './api';\nexport function shipAsStatement(s: Statement): boolean { return !/${unsafe}/.test(s.sql); }\n`;

describe('replication-methods', () => {
  test('only deterministic SQL never diverges as statements, whatever the rate', () => {
    for (const writesPerSecond of [5, 200]) {
      const r = run({ nondeterministicShare: 0, writesPerSecond, durationMs: 10_000 }, lesson.code.starter);
      expect(num(r, 'divergentRows')).toBe(0);
      expect(num(r, 'statements')).toBeGreaterThan(0);
    }
  });

  test('NOW() and single-row inserts replay the same; SYSDATE(), UUID() and RAND() do not', () => {
    const r = run({ nondeterministicShare: 1, durationMs: 10_000 }, shipping('SYSDATE|UUID|RAND|SELECT'));
    expect(num(r, 'divergentRows')).toBe(0);
    for (const fn of ['SYSDATE', 'UUID', 'RAND']) {
      const unsafe = run(
        { nondeterministicShare: 1, durationMs: 10_000 },
        shipping(['SYSDATE', 'UUID', 'RAND', 'SELECT'].filter((x) => x !== fn).join('|')),
      );
      expect(num(unsafe, 'divergedStatements'), fn).toBeGreaterThan(0);
    }
  });

  test('INSERT ... SELECT diverges only when concurrent inserts interleave its ids, so more often at a higher rate', () => {
    const code = shipping('SYSDATE|UUID|RAND');
    const slow = run({ nondeterministicShare: 1, writesPerSecond: 2, durationMs: 60_000 }, code);
    const fast = run({ nondeterministicShare: 1, writesPerSecond: 200, durationMs: 10_000 }, code);
    const share = (r: RunResult) => num(r, 'divergedStatements') / num(r, 'statements');
    expect(share(fast)).toBeGreaterThan(share(slow));
    expect(num(fast, 'divergentRows')).toBeGreaterThan(0);
  });

  test('WAL stops the follower on the next major version and keeps the other identical', () => {
    const r = run({ method: 'wal' });
    expect(num(r, 'followersStopped')).toBe(1);
    expect(num(r, 'divergentRows')).toBe(0);
    expect(num(r, 'bytesShipped')).toBeLessThan(num(r, 'rowBytesEquivalent'));
  });

  test('row images cost more than SQL text for a team-wide update, about the same for a one-row one', () => {
    const bulk = sqlOf('bulk', 3, 3);
    expect(rowBytes('bulk')).toBeGreaterThan(20 * statementBytes('bulk', bulk));
    expect(rowBytes('set-name')).toBeLessThan(10 * statementBytes('set-name', sqlOf('set-name', 3, 3)));
    const r = run({ method: 'row' });
    expect(num(r, 'shareOfRowBytes')).toBe(1);
    expect(num(r, 'divergentRows')).toBe(0);
  });

  test('shipping everything as SQL diverges as often as theory says, from a trickle to a flood of inserts', () => {
    for (const [writesPerSecond, nondeterministicShare, seed] of [
      [40, 0.3, 1],
      [40, 1, 2],
      [200, 1, 3],
    ] as const) {
      const r = run(
        { writesPerSecond, nondeterministicShare, durationMs: 30_000 },
        lesson.code.starter,
        seed,
      );
      const row = r.theory.find((t) => t.metric === 'divergedPerStatement');
      expect(row, `${writesPerSecond}/s, n = ${nondeterministicShare}`).toBeDefined();
      expect(row!.agrees, `${row!.predicted} vs ${row!.observed}`).toBe(true);
    }
    // Shipping some statements as rows: the claim no longer applies.
    const mixed = run({ nondeterministicShare: 1, durationMs: 30_000 }, shipping('UUID'));
    expect(mixed.theory.some((t) => t.metric === 'divergedPerStatement')).toBe(false);
  });

  test('an INSERT … SELECT interleaves more often the more inserts run beside it', () => {
    expect(interleavedInsertSelect(0, 0)).toBe(0);
    expect(interleavedInsertSelect(0.001, 0.001)).toBeLessThan(interleavedInsertSelect(0.01, 0.01));
    expect(interleavedInsertSelect(1, 1)).toBeGreaterThan(0.99);
  });
});
