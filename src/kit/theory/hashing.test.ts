import { randomLcg, randomUniform } from 'd3-random';
import { describe, expect, test } from 'vitest';
import { movedFractionConsistent, movedFractionModN, shareRelativeStd } from './hashing';

describe('hashing theory', () => {
  test('hash mod N moves N/(N+1) of the keys when a shard is added', () => {
    for (const n of [1, 2, 4, 10, 63]) expect(movedFractionModN(n, n + 1)).toBeCloseTo(n / (n + 1), 9);
    expect(movedFractionModN(4, 8)).toBeCloseTo(0.5); // doubling keeps the half whose residues agree
    expect(movedFractionModN(5, 5)).toBe(0);
  });

  test('consistent hashing moves 1/(N+1)', () => {
    expect(movedFractionConsistent(4)).toBeCloseTo(0.2);
  });

  test('a shard’s share of a ring with v virtual nodes spreads as sqrt((N−1)/(Nv+1)) (Monte Carlo, seeded)', () => {
    const rand = randomUniform.source(randomLcg(42))(0, 1);
    for (const [n, v] of [
      [4, 1],
      [8, 16],
      [16, 100],
    ] as const) {
      const shares: number[] = [];
      for (let trial = 0; trial < 400; trial++) {
        const points = Array.from({ length: n * v }, (_, i) => ({ at: rand(), shard: i % n }));
        points.sort((a, b) => a.at - b.at);
        const owned = new Array<number>(n).fill(0);
        points.forEach((p, i) => {
          const prev = i === 0 ? points[points.length - 1]!.at - 1 : points[i - 1]!.at;
          owned[p.shard]! += p.at - prev; // each point owns the arc before it
        });
        shares.push(owned[0]! * n);
      }
      const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
      const sd = Math.sqrt(shares.reduce((s, x) => s + (x - mean) ** 2, 0) / (shares.length - 1));
      expect(mean).toBeCloseTo(1, 1);
      expect(sd).toBeGreaterThan(shareRelativeStd(n, v) * 0.85);
      expect(sd).toBeLessThan(shareRelativeStd(n, v) * 1.15);
    }
  });
});
