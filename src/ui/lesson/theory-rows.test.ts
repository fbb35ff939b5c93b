import { describe, expect, it } from 'vitest';
import type { TheoryRow } from '../../lesson/types';
import { describeTheory, theoryByMetric } from './theory-rows';

const row = (over: Partial<TheoryRow>): TheoryRow => ({
  metric: 'deliveryDelay',
  field: 'mean',
  title: 'Mean delivery delay (short polling)',
  formula: '(T + RTT)/2 + L',
  why: 'An update waits half a poll cycle on average, then one latency.',
  unit: 'ms',
  predicted: 1050,
  observed: 1063,
  agrees: true,
  ...over,
});

describe('theory rows', () => {
  it('groups claims by metric, keeping several statistics of one summary', () => {
    const m = theoryByMetric([row({}), row({ field: 'p99' }), row({ metric: 'requests', field: undefined })]);
    expect([...m.keys()]).toEqual(['deliveryDelay', 'requests']);
    expect(m.get('deliveryDelay')).toHaveLength(2);
  });

  it('says prediction, simulation and the difference in words', () => {
    const fmt = (x: number) => x.toFixed(1);
    expect(describeTheory(row({}), fmt)).toBe('mean predicted 1050.0 ms, simulated 1063.0 ms (+1.2%)');
    expect(describeTheory(row({ observed: Number.NaN }), fmt)).toBe(
      'mean predicted 1050.0 ms, simulated not measured',
    );
  });
});
