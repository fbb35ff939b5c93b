import type { MetricKey } from '../../src/kit/metrics/table';
import { DIRECTORY_CHUNKS } from '../../src/kit/keyspace/routers';
import { movedFractionConsistent, movedFractionModN, shareRelativeStd } from '../../src/kit/theory/hashing';
import type { TheoryClaim } from '../../src/lesson/types';
import type { shardingMetrics } from './metrics';
import { addsShard, type ShardingParams } from './params';

type Claim = TheoryClaim<ShardingParams, MetricKey<typeof shardingMetrics>>;

const shardsAtEnd = (p: ShardingParams) => p.shards + (addsShard(p) ? 1 : 0);

export const shardingTheory: Claim[] = [
  {
    metric: 'keysMovedFraction',
    title: 'Keys moved when a shard joins, hash mod N',
    formula: 'N/(N+1)',
    why: 'A key stays only if h mod N = h mod (N+1); over hash values that holds for 1 in N+1. Keys hash uniformly; with at least 50,000 keys the count is within 1% of its mean.',
    unit: 'of keys',
    predict: (p) =>
      p.router === 'hash-mod' && addsShard(p) && p.keys >= 50_000
        ? movedFractionModN(p.shards, p.shards + 1)
        : undefined,
    tolerance: { relative: 0.03 },
  },
  {
    metric: 'keysMovedFraction',
    title: 'Keys moved when a shard joins, consistent hashing',
    formula: '1/(N+1)',
    why: "Only the arcs the new shard's v points take over move, 1/(N+1) of the ring in expectation (Karger et al. 1997). That share varies by about 1/√v, so the claim is held from v = 100 with 40% (4σ) either way.",
    unit: 'of keys',
    predict: (p) =>
      p.router === 'consistent' && addsShard(p) && p.virtualNodes >= 100 && p.keys >= 10_000
        ? movedFractionConsistent(p.shards)
        : undefined,
    tolerance: { relative: 0.4 },
  },
  {
    metric: 'keysMovedFraction',
    title: 'Keys moved when a shard joins, directory',
    formula: '⌊Q/(N+1)⌋/Q',
    why: `The fair-share plan (the reference planJoin) gives the new shard ⌊Q/(N+1)⌋ of the Q = ${DIRECTORY_CHUNKS} hashed chunks, taken from the fullest shards; nothing else moves. Keys hash uniformly into chunks (with 50,000 keys or more, within a few % of the chunk share).`,
    unit: 'of keys',
    predict: (p) =>
      p.router === 'directory' && addsShard(p) && p.keys >= 50_000
        ? Math.floor(DIRECTORY_CHUNKS / (p.shards + 1)) / DIRECTORY_CHUNKS
        : undefined,
    tolerance: { relative: 0.05 },
  },
  {
    metric: 'keysMovedFraction',
    title: 'Keys moved when a shard joins, key ranges',
    formula: '1/(2N)',
    why: 'The reference plan splits the widest of N equal ranges in two and the new shard takes the upper half; no other key moves. Ranges hold whole keys, so the claim is held from 100 keys per shard (2%).',
    unit: 'of keys',
    predict: (p) =>
      p.router === 'range' && addsShard(p) && p.keys / p.shards >= 100 ? 1 / (2 * p.shards) : undefined,
    tolerance: { relative: 0.02 },
  },
  {
    metric: 'keyShareSpread',
    title: 'Spread of keys over shards, consistent hashing',
    formula: '√((N−1)/(N·v+1) + (N−1)/K)',
    why: "A shard's share of the ring is a sum of v of the N·v random arcs, Beta(v, (N−1)v), relative std √((N−1)/(Nv+1)) ≈ 1/√v; the K keys falling on it add binomial noise (N−1)/K. One run measures it over N shards, so the claim is held from 16 shards, with 60% (about 3σ of that estimate).",
    unit: 'relative std',
    predict: (p) => {
      const n = shardsAtEnd(p);
      return p.router === 'consistent' && n >= 16
        ? Math.sqrt(shareRelativeStd(n, p.virtualNodes) ** 2 + (n - 1) / p.keys)
        : undefined;
    },
    tolerance: { relative: 0.6 },
  },
  {
    metric: 'keyShareSpread',
    title: 'Spread of keys over shards, hash mod N',
    formula: '√((N−1)/K)',
    why: 'Each of K keys lands on one of N shards with probability 1/N: a multinomial count, relative std √((1 − 1/N)/(K/N)). Held from 16 shards and 10,000 keys, with 60% (about 3σ of a one-run estimate).',
    unit: 'relative std',
    predict: (p) => {
      const n = shardsAtEnd(p);
      return p.router === 'hash-mod' && n >= 16 && p.keys >= 10_000 ? Math.sqrt((n - 1) / p.keys) : undefined;
    },
    tolerance: { relative: 0.6 },
  },
];
