import type { MetricKey } from '../../src/kit/metrics/table';
import type { TheoryClaim } from '../../src/lesson/types';
import type { replicationMethodsMetrics } from './metrics';
import type { ReplicationMethodsParams } from './params';
import { meanRowBytes } from './statements';

type Claim = TheoryClaim<ReplicationMethodsParams, MetricKey<typeof replicationMethodsMetrics>>;

export const replicationMethodsTheory: Claim[] = [
  {
    metric: 'bytesPerStatement',
    title: 'Bytes per statement, row-based',
    formula: 'Σ_k p_k · (T + r_k · b_k)',
    why: 'Each statement kind k (share p_k) ships a Table_map and event header T plus r_k row images of b_k bytes (before and after for an UPDATE); the mean over the mix. Held from 1,000 statements a run, with 20% (the few team-wide UPDATEs weigh most).',
    unit: 'bytes',
    predict: (p) =>
      p.method === 'row' && p.writesPerSecond * (p.durationMs / 1000) >= 1000
        ? meanRowBytes(p.nondeterministicShare)
        : undefined,
    tolerance: { relative: 0.2 },
  },
];
