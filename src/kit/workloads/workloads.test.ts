import { describe, expect, test } from 'vitest';
import { Rng } from '../../engine/random';
import { Scheduler } from '../../engine/scheduler';
import { bursty, diurnal, diurnalRate, poisson } from './arrivals';
import { bucketShares, Zipf, zipfShares } from './zipf';

function count(start: (s: Scheduler, rng: Rng, on: () => void) => void, untilMs: number, seed = 1): number[] {
  const s = new Scheduler();
  const times: number[] = [];
  start(s, new Rng(seed).fork('w'), () => times.push(s.now));
  s.runUntil(untilMs);
  return times;
}

describe('arrivals', () => {
  test('Poisson: count over T is rate·T (within 3 standard deviations, √(rate·T))', () => {
    const n = count((s, r, on) => poisson(s, r, 5, on), 1_000_000).length;
    expect(Math.abs(n - 5000)).toBeLessThan(3 * Math.sqrt(5000));
  });

  test('Poisson: gaps have coefficient of variation 1 (exponential)', () => {
    const t = count((s, r, on) => poisson(s, r, 10, on), 1_000_000);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(sd / mean).toBeCloseTo(1, 1);
  });

  test('same seed, same arrivals; a stopped source stops', () => {
    const a = count((s, r, on) => poisson(s, r, 2, on), 60_000, 3);
    expect(count((s, r, on) => poisson(s, r, 2, on), 60_000, 3)).toEqual(a);
    const stopped = count(
      (s, r, on) => {
        const stop = poisson(s, r, 2, on);
        s.at(30_000, stop);
      },
      60_000,
      3,
    );
    expect(stopped).toEqual(a.filter((t) => t < 30_000));
  });

  test('bursty (on/off MMPP): long-run rate (b·B + q·Q)/(B + Q)', () => {
    const shape = { burstRatePerSecond: 20, quietRatePerSecond: 1, meanBurstMs: 2000, meanQuietMs: 8000 };
    const n = count((s, r, on) => bursty(s, r, shape, on), 20_000_000).length;
    const expected = ((20 * 2000 + 1 * 8000) / 10_000) * 20_000; // 4.8/s over 20,000 s (2,000 on/off cycles)
    expect(Math.abs(n - expected) / expected).toBeLessThan(0.1);
  });

  test('diurnal ramp: rate from min at the trough to max half a period later; mean (min + max)/2', () => {
    const shape = { minRatePerSecond: 1, maxRatePerSecond: 9, periodMs: 100_000 };
    expect([diurnalRate(shape, 0), diurnalRate(shape, 50_000)]).toEqual([1, 9]);
    const t = count((s, r, on) => diurnal(s, r, shape, on), 1_000_000);
    expect(Math.abs(t.length - 5000) / 5000).toBeLessThan(0.05);
    const nearPeak = t.filter((x) => Math.abs((x % 100_000) - 50_000) < 10_000).length;
    const nearTrough = t.filter((x) => x % 100_000 < 10_000 || x % 100_000 > 90_000).length;
    expect(nearPeak).toBeGreaterThan(3 * nearTrough);
  });
});

describe('Zipf keys', () => {
  test('P(k) ∝ 1/(k+1)^s: with s = 1 and 10 keys, key 0 has 1/H(10) = 34.1%', () => {
    const z = new Zipf(10, 1, new Rng(1));
    expect(z.p(0)).toBeCloseTo(1 / 2.928968, 5);
    expect(z.p(1) / z.p(0)).toBeCloseTo(0.5, 10);
    const hits = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) hits[z.next()]!++;
    for (let k = 0; k < 10; k++) expect(Math.abs(hits[k]! / 100_000 - z.p(k))).toBeLessThan(0.005);
  });
});

describe('Zipf shares per bucket', () => {
  test('s = 0 is uniform; the shares sum to 1 and match the sampler', () => {
    expect([...zipfShares(4, 0)]).toEqual([0.25, 0.25, 0.25, 0.25]);
    const p = zipfShares(50, 0.8);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(new Zipf(50, 0.8, new Rng(1)).p(3)).toBeCloseTo(p[3]!, 12);
  });

  test('a bucket receives the sum of its keys: key 0 alone holds 1/H(10) of the draws', () => {
    const buckets = bucketShares(zipfShares(10, 1), 2, (k) => (k === 0 ? 0 : 1));
    expect(buckets[0]).toBeCloseTo(1 / 2.928968, 5);
    expect(buckets[0]! + buckets[1]!).toBeCloseTo(1, 12);
  });
});
