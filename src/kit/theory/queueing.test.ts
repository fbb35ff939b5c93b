import { describe, expect, test } from 'vitest';
import { erlangB, erlangC, littlesLaw, mmc } from './queueing';

describe('queueing theory', () => {
  test("Little's law multiplies rate by time", () => {
    expect(littlesLaw(0.008, 1000)).toBeCloseTo(8);
  });

  test('Erlang B matches the textbook table (c = 10, a = 5 erlangs: 1.84%)', () => {
    expect(erlangB(10, 5)).toBeCloseTo(0.01838, 4);
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 1)).toBeCloseTo(0.5);
  });

  test('Erlang C: one server waits with probability ρ; 10 servers at 8 erlangs wait 41%', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7);
    expect(erlangC(10, 8)).toBeCloseTo(0.409, 3);
    expect(erlangC(4, 4)).toBe(1);
  });

  test('M/M/1 time in system is S/(1 − ρ): ×5 at ρ = 0.8, ×10 at 0.9', () => {
    expect(mmc(0.8, 1, 1000).meanTimeInSystemMs).toBeCloseTo(5000);
    expect(mmc(0.9, 1, 1000).meanTimeInSystemMs).toBeCloseTo(10000);
  });

  test('8 jobs/s of 1 s each: 12 workers wait ≈ 0.035 s, 10 workers ≈ 0.20 s, 9 workers ≈ 0.65 s', () => {
    expect(mmc(8, 12, 1000).meanWaitMs).toBeCloseTo(35, -1);
    expect(mmc(8, 10, 1000).meanWaitMs).toBeCloseTo(204, -1);
    expect(mmc(8, 9, 1000).meanWaitMs).toBeCloseTo(650, -1);
  });

  test('the wait tail integrates to the mean wait, and quantiles invert it', () => {
    const q = mmc(8, 10, 1000);
    let integral = 0;
    for (let t = 0; t < 20000; t += 1) integral += q.waitExceeds(t + 0.5);
    expect(integral).toBeCloseTo(q.meanWaitMs, 0);
    const p99 = q.waitQuantileMs(0.99);
    expect(q.waitExceeds(p99)).toBeCloseTo(0.01, 6);
    expect(q.waitQuantileMs(0.5)).toBe(0); // C = 0.41 < 0.5: the median arrival does not wait
  });

  test('an overloaded queue grows without bound', () => {
    const q = mmc(10, 2, 500);
    expect(q.utilization).toBeCloseTo(2.5);
    expect(q.meanWaitMs).toBe(Infinity);
  });

  test('holds for thousands of servers without overflow', () => {
    const q = mmc(1900, 2000, 1000);
    expect(Number.isFinite(q.probabilityOfWait)).toBe(true);
    expect(q.probabilityOfWait).toBeGreaterThan(0);
    expect(q.probabilityOfWait).toBeLessThan(0.1);
  });
});
