import { describe, expect, test } from 'vitest';
import { Rng } from '../../engine/random';
import {
  harmonic,
  maxOfExponentialsMean,
  maxOfExponentialsMeanMixed,
  maxOfExponentialsQuantile,
  maxOfExponentialsQuantileMixed,
  mm1SojournMs,
  staleReadFraction,
  staleReadProbability,
} from './fanout';

describe('scatter-gather: the max of n exponentials', () => {
  test('harmonic numbers', () => {
    expect(harmonic(0)).toBe(0);
    expect(harmonic(1)).toBe(1);
    expect(harmonic(4)).toBeCloseTo(25 / 12, 12);
    // H_n ≈ ln n + γ + 1/(2n)
    expect(harmonic(1000)).toBeCloseTo(Math.log(1000) + 0.5772156649 + 1 / 2000, 6);
  });

  test('one shard: the mean and quantile of one exponential', () => {
    expect(maxOfExponentialsMean(3, 1)).toBe(3);
    expect(maxOfExponentialsQuantile(3, 1, 0.99)).toBeCloseTo(-3 * Math.log(0.01), 10);
  });

  test('mean and p99 of the max agree with sampling', () => {
    const rng = new Rng(42);
    const n = 16;
    const draws: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      let m = 0;
      for (let j = 0; j < n; j++) m = Math.max(m, -2 * Math.log(1 - rng.next()));
      draws.push(m);
    }
    draws.sort((a, b) => a - b);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean / maxOfExponentialsMean(2, n)).toBeCloseTo(1, 1);
    const p99 = draws[Math.floor(0.99 * draws.length)]!;
    expect(Math.abs(p99 / maxOfExponentialsQuantile(2, n, 0.99) - 1)).toBeLessThan(0.05);
  });

  test('the tail grows like ln n: 4 to 64 shards', () => {
    const r = maxOfExponentialsQuantile(1, 64, 0.99) / maxOfExponentialsQuantile(1, 4, 0.99);
    expect(r).toBeGreaterThan(1.4);
    expect(r).toBeLessThan(1.5);
  });

  test('equal means: the mixed forms reduce to s·H_n and −s·ln(1 − q^(1/n))', () => {
    const same = Array.from({ length: 16 }, () => 2);
    expect(maxOfExponentialsMeanMixed(same) / maxOfExponentialsMean(2, 16)).toBeCloseTo(1, 4);
    expect(maxOfExponentialsQuantileMixed(same, 0.99) / maxOfExponentialsQuantile(2, 16, 0.99)).toBeCloseTo(
      1,
      8,
    );
  });

  test('two different means: E[max] = a + b − ab/(a + b)', () => {
    // E[max(X, Y)] = E[X] + E[Y] − E[min], and min of exponentials has rate 1/a + 1/b.
    expect(maxOfExponentialsMeanMixed([1, 3])).toBeCloseTo(1 + 3 - 3 / 4, 4);
  });

  test('M/M/1 sojourn 1/(μ − λ), unbounded at saturation', () => {
    expect(mm1SojournMs(500, 1)).toBeCloseTo(2, 12);
    expect(mm1SojournMs(1000, 1)).toBe(Infinity);
  });
});

describe('stale index reads', () => {
  test('1 − e^(−w·L): none without lag, almost surely with a long one', () => {
    expect(staleReadProbability(0.01, 0)).toBe(0);
    expect(staleReadProbability(0.001, 100)).toBeCloseTo(1 - Math.exp(-0.1), 12);
    expect(staleReadProbability(1, 1000)).toBeCloseTo(1, 10);
  });

  test('one key: the popularity sum reduces to the single-key formula', () => {
    expect(staleReadFraction(() => 1, 1, 0.002, 50)).toBeCloseTo(staleReadProbability(0.002, 50), 12);
  });

  test('matches a simulation of Poisson writes with a fixed lag', () => {
    const rng = new Rng(7);
    const w = 0.004; // per ms
    const lag = 200;
    // Readers at uniform times over a long Poisson write stream: stale if a write fell in the last `lag` ms.
    const writes: number[] = [];
    let t = 0;
    while (t < 2_000_000) writes.push((t += -Math.log(1 - rng.next()) / w));
    let stale = 0;
    const reads = 20_000;
    for (let i = 0; i < reads; i++) {
      const at = 1000 + rng.next() * 1_990_000;
      let lo = 0;
      let hi = writes.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (writes[mid]! <= at) lo = mid + 1;
        else hi = mid;
      }
      if (lo > 0 && at - writes[lo - 1]! < lag) stale++;
    }
    expect(Math.abs(stale / reads - staleReadProbability(w, lag))).toBeLessThan(0.015);
  });
});
