import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { ShardingParams } from './params';

const prediction = predictionsFor<ShardingParams>();
const pct = (x: number) => `${fmt(x * 100)}%`;

/** The choice closest to an observed fraction. */
function nearest(x: number, options: Record<string, number>): string {
  let best = '';
  let d = Infinity;
  for (const [id, v] of Object.entries(options)) if (Math.abs(v - x) < d) [best, d] = [id, Math.abs(v - x)];
  return best;
}

const MOVE_CHOICES = [
  { id: '9', label: 'About 9% (1 in 11)' },
  { id: '50', label: 'About 50%' },
  { id: '91', label: 'About 91% (10 in 11)' },
];
const MOVE_VALUES = { '9': 1 / 11, '50': 0.5, '91': 10 / 11 };

export const shardingPredictions = [
  prediction({
    id: 'mod-n-moves',
    question: 'Ten shards, hash(key) mod N. An 11th shard joins. What share of the keys has to move?',
    choices: MOVE_CHOICES,
    runs: { add: { router: 'hash-mod', shards: 10, addShardAtMs: 5000 } },
    grade: (o) => {
      const f = read(o.add).count('keysMovedFraction');
      return {
        answer: nearest(f, MOVE_VALUES),
        explanation: `${pct(f)} of the keys moved: with mod 11 instead of mod 10, a key stays only where both remainders agree.`,
      };
    },
  }),
  prediction({
    id: 'ring-moves',
    question:
      'Same ten shards on a consistent-hash ring with 100 virtual nodes each. An 11th shard joins. What share moves?',
    choices: MOVE_CHOICES,
    runs: { add: { router: 'consistent', shards: 10, virtualNodes: 100, addShardAtMs: 5000 } },
    grade: (o) => {
      const f = read(o.add).count('keysMovedFraction');
      return {
        answer: nearest(f, MOVE_VALUES),
        explanation: `${pct(f)} of the keys moved, all of them onto the new shard: only the arcs its 100 points took over.`,
      };
    },
  }),
  prediction({
    id: 'plan-moves',
    question:
      'A directory of 4,096 chunks on 16 shards. A 17th joins and the plan hands it only its fair share, ⌊4096/17⌋ chunks, taken from the fullest shards. What share of the keys moves?',
    choices: [
      { id: '6', label: 'About 6% (1 in 17)' },
      { id: '50', label: 'About 50%' },
      { id: '94', label: 'About 94% (16 in 17)' },
    ],
    runs: { add: { router: 'directory', shards: 16, addShardAtMs: 5000 } },
    grade: (o) => {
      const f = read(o.add).count('keysMovedFraction');
      return {
        answer: nearest(f, { '6': 1 / 17, '50': 0.5, '94': 16 / 17 }),
        explanation: `${pct(f)} of the keys moved: only the 240 chunks the new shard took (hashing spreads keys evenly over chunks). Dealing all chunks out again round-robin would keep chunk c only where c mod 16 = c mod 17, and move about 94%.`,
      };
    },
  }),
  prediction({
    id: 'hot-range',
    question:
      'Low user ids are the most active (Zipf s = 0.8). Which router leaves the busiest shard further above the mean: key ranges or consistent hashing?',
    choices: [
      { id: 'range', label: 'Key ranges' },
      { id: 'consistent', label: 'Consistent hashing' },
    ],
    runs: {
      range: { router: 'range', zipfS: 0.8, addShardAtMs: 0 },
      consistent: { router: 'consistent', zipfS: 0.8, addShardAtMs: 0 },
    },
    grade: (o) => {
      const r = read(o.range).count('loadImbalance');
      const c = read(o.consistent).count('loadImbalance');
      return {
        answer: r > c ? 'range' : 'consistent',
        explanation: `Busiest shard over the mean: key ranges ${fmt(r)}×, consistent hashing ${fmt(c)}×. The first range holds all the hot low ids.`,
      };
    },
  }),
];
