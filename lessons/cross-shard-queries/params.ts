import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const crossShardParams = {
  plan: choiceParam({
    label: 'Secondary index',
    default: 'global-index',
    choices: [
      { value: 'scatter', label: 'Local indexes (scatter-gather)' },
      { value: 'global-index', label: 'Global index (async)' },
    ],
    help: 'Local: each shard indexes email for its own rows only, so a query by email must ask every shard. Global: one index on email, partitioned by email across the shards and updated asynchronously after each write (an extra write, applied later).',
  }),
  shards: numberParam({
    label: 'Shards',
    default: 16,
    min: 1,
    max: 64,
    step: 1,
    integer: true,
    unit: 'shards',
    scale: 'log',
    help: 'Shards holding the users table (by user id) and, with a global index, its partitions (by email).',
  }),
  queriesPerSecond: numberParam({
    label: 'Query rate',
    default: 500,
    min: 10,
    max: 2000,
    step: 10,
    unit: 'queries/s',
    scale: 'log',
    help: 'Profile lookups at random (Poisson) times: half by user id (the shard key), half by email.',
  }),
  writesPerSecond: numberParam({
    label: 'Write rate',
    default: 100,
    min: 0,
    max: 1000,
    step: 10,
    unit: 'writes/s',
    help: "Profile updates that change a user's email, at random (Poisson) times; popular users are written as often as they are read.",
  }),
  indexLagMs: numberParam({
    label: 'Index lag',
    default: 200,
    min: 0,
    max: 5000,
    step: 10,
    unit: 'ms',
    help: "Delay before a committed write is shipped to the global index (the change stream's delay); the index partition then applies it in its queue.",
  }),
  zipfS: numberParam({
    label: 'Skew (Zipf s)',
    default: 0.8,
    min: 0,
    max: 1.5,
    step: 0.05,
    unit: 'exponent',
    help: 'Popularity of user k ∝ 1/(k+1)^s over 100,000 users, for reads and writes alike: 0 = all equal.',
  }),
  durationMs: numberParam({
    label: 'Duration',
    default: 20_000,
    min: 2000,
    max: 600_000,
    step: 1000,
    unit: 'ms',
    scale: 'log',
    help: 'Virtual time simulated.',
  }),
};

export type CrossShardParams = ParamsOf<typeof crossShardParams>;
