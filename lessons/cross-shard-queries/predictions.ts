import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { CrossShardParams } from './params';

const prediction = predictionsFor<CrossShardParams>();
const pct = (x: number) => `${fmt(x * 100)}%`;

export const crossShardPredictions = [
  prediction({
    id: 'tail-grows',
    question:
      'Queries by email scatter to every shard (local indexes). Going from 4 shards to 64, each just as busy, what happens to their p99 latency?',
    choices: [
      { id: 'same', label: 'About the same (under 1.1×)' },
      { id: 'log', label: 'Grows, but far less than 16× (1.1× to 4×)' },
      { id: 'linear', label: 'Grows about 16×, with the shard count' },
    ],
    runs: {
      few: { plan: 'scatter', shards: 4, queriesPerSecond: 200 },
      many: { plan: 'scatter', shards: 64, queriesPerSecond: 200 },
    },
    grade: (o) => {
      const a = read(o.few).summary('queryLatencyMs', 'email').p99;
      const b = read(o.many).summary('queryLatencyMs', 'email').p99;
      const r = b / a;
      return {
        answer: r < 1.1 ? 'same' : r < 4 ? 'log' : 'linear',
        explanation: `p99 by email: ${fmt(a)} ms with 4 shards, ${fmt(b)} ms with 64 (${fmt(r)}×). The slowest of N answers grows like ln N: each added shard is one more chance to draw a slow one.`,
      };
    },
  }),
  prediction({
    id: 'stale-share',
    question:
      'A global index applies each update about half a second late (index lag 500 ms), 100 updates a second over 100,000 users with popular users written most. What share of index lookups read a stale entry?',
    choices: [
      { id: 'none', label: 'Almost none (under 0.5%)' },
      { id: 'few', label: 'A few percent (0.5% to 20%)' },
      { id: 'most', label: 'Most of them' },
    ],
    runs: { lag: { plan: 'global-index', indexLagMs: 500, writesPerSecond: 100 } },
    grade: (o) => {
      const m = read(o.lag);
      const f = m.count('staleReadFraction');
      return {
        answer: f < 0.005 ? 'none' : f < 0.2 ? 'few' : 'most',
        explanation: `${pct(f)} of ${fmt(m.count('indexReads'))} lookups were stale: the popular users are the ones both written and read, so their entries are often in flight.`,
      };
    },
  }),
];
