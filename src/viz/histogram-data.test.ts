import fc from 'fast-check';
import { quantileSorted } from 'd3';
import { expect, test } from 'vitest';
import { buildHistogram, PrefixCounts } from './histogram-data';

const series = (values: number[]) => ({
  t: Float64Array.from(values, (_, i) => i * 10),
  value: Float64Array.from(values),
});

test('counts, bins and quantiles of the samples up to t match a brute-force recount, moving t both ways', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0.5, max: 5000, noNaN: true }), { minLength: 1, maxLength: 200 }),
      fc.array(fc.integer({ min: -5, max: 2100 }), { minLength: 1, maxLength: 12 }),
      (values, moments) => {
        const h = buildHistogram(series(values));
        const p = new PrefixCounts(h);
        for (const t of moments) {
          p.seek(t);
          const seen = values.filter((_, i) => i * 10 <= t);
          expect(p.count).toBe(seen.length);
          expect(Array.from(p.bins).reduce((a, b) => a + b, 0)).toBe(seen.length);
          const sorted = [...seen].sort((a, b) => a - b);
          for (const q of [0.5, 0.99]) {
            const want = sorted.length ? quantileSorted(sorted, q) : undefined;
            const got = p.quantile(q);
            if (want === undefined) expect(got).toBeUndefined();
            else expect(got).toBeCloseTo(want, 6);
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('every value falls inside its bin; wide ranges get log bins', () => {
  const values = [45, 50, 55, 60, 80, 300, 1145, 2000];
  const h = buildHistogram(series(values));
  expect(h.log).toBe(true);
  values.forEach((v, i) => {
    const k = h.binOf[i]!;
    expect(v).toBeGreaterThanOrEqual(h.edges[k]! - 1e-9);
    expect(v).toBeLessThanOrEqual(h.edges[k + 1]! + 1e-9);
  });
  expect(buildHistogram(series([10, 12, 15, 20])).log).toBe(false);
  expect(buildHistogram(series([])).edges.length).toBeGreaterThan(1);
});
