import { describe, expect, test } from 'vitest';
import { judgeTheory, observedValue, withinTolerance } from './theory';
import type { TheoryClaim } from './types';

const summary = { p50: 10, p90: 20, p99: 30, mean: 12, max: 40, count: 100 };

describe('theory claims', () => {
  test('reads counters and the chosen field of a summary', () => {
    expect(observedValue({ n: 5 }, { metric: 'n' })).toBe(5);
    expect(observedValue({ lat: summary }, { metric: 'lat', field: 'p99' })).toBe(30);
    expect(observedValue({ lat: summary }, { metric: 'lat' })).toBe(12);
    expect(observedValue({}, { metric: 'missing' })).toBeNaN();
  });

  test('tolerance is relative or absolute, and a missing metric never agrees', () => {
    expect(withinTolerance(100, 109, { relative: 0.1 })).toBe(true);
    expect(withinTolerance(100, 111, { relative: 0.1 })).toBe(false);
    expect(withinTolerance(0, 0.4, { relative: 0.1, absolute: 0.5 })).toBe(true);
    expect(withinTolerance(100, Number.NaN, { relative: 1 })).toBe(false);
  });

  test('claims that do not apply to the params are left out', () => {
    const claims: TheoryClaim<{ k: number }>[] = [
      {
        metric: 'n',
        title: 'double',
        formula: '2k',
        why: 'by definition',
        unit: '',
        predict: (p) => 2 * p.k,
        tolerance: { absolute: 0 },
      },
      {
        metric: 'n',
        title: 'never',
        formula: '-',
        why: '-',
        unit: '',
        predict: () => undefined,
        tolerance: { absolute: 0 },
      },
    ];
    const rows = judgeTheory(claims, { n: 6 }, { k: 3 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: 'double', predicted: 6, observed: 6, agrees: true });
    expect(judgeTheory(claims, { n: 7 }, { k: 3 })[0]!.agrees).toBe(false);
  });

  test('a claim may follow what the run chose, seen in its metrics', () => {
    const claims: TheoryClaim<{ k: number }>[] = [
      {
        metric: 'n',
        title: 'k times the multiplier the code chose',
        formula: 'k·m',
        why: 'by definition',
        unit: '',
        predict: (p, run) => p.k * (typeof run?.m === 'number' ? run.m : 1),
        tolerance: { absolute: 0 },
      },
    ];
    expect(judgeTheory(claims, { n: 12, m: 4 }, { k: 3 })[0]).toMatchObject({ predicted: 12, agrees: true });
    expect(judgeTheory(claims, { n: 12 }, { k: 3 })[0]).toMatchObject({ predicted: 3, agrees: false });
  });
});
