import { describe, expect, it } from 'vitest';
import type { SeedOutcome } from '../../state/slices/run-slice';
import { goalRates, metricSpreads } from './seed-stats';

const outcome = (seed: number, requests: number, fresh: boolean): SeedOutcome => ({
  seed,
  ok: true,
  metrics: {
    requests,
    latencyMs: { p50: seed, p90: seed, p99: seed * 10, mean: seed, max: seed * 10, count: 3 },
  },
  goals: [{ id: 'fresh', title: 'Fresh', passed: fresh, detail: '' }],
});

describe('many-seeds statistics', () => {
  const outcomes = [outcome(1, 10, true), outcome(2, 20, false), outcome(3, 30, true), outcome(4, 40, true)];

  it('gives each metric a five-number summary with every seed', () => {
    const spreads = metricSpreads(outcomes);
    expect(spreads.map((s) => s.name)).toEqual(['latencyMs p50', 'latencyMs p99', 'requests']);
    const req = spreads.find((s) => s.name === 'requests')!;
    expect(req).toMatchObject({ min: 10, q1: 17.5, median: 25, q3: 32.5, max: 40 });
    expect(req.values).toHaveLength(4);
  });

  it('counts how often each goal passed', () => {
    expect(goalRates(outcomes)).toEqual([{ id: 'fresh', title: 'Fresh', passed: 3, total: 4 }]);
  });
});
