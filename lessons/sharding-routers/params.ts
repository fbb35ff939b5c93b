import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const shardingParams = {
  router: choiceParam({
    label: 'Router',
    default: 'consistent',
    choices: [
      { value: 'range', label: 'Key ranges' },
      { value: 'hash-mod', label: 'Hash mod N' },
      { value: 'consistent', label: 'Consistent hashing' },
      { value: 'directory', label: 'Directory' },
    ],
    help: 'How a key finds its shard: by key range, by hash(key) mod N, on a hash ring with virtual nodes, or by a chunk table kept in the coordination service.',
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
    help: 'Shards at the start of the run (one more joins at the add time).',
  }),
  keys: numberParam({
    label: 'Keys',
    default: 100_000,
    min: 100,
    max: 1_000_000,
    step: 100,
    integer: true,
    unit: 'keys',
    scale: 'log',
    help: 'Distinct user ids 0..keys−1; each is stored on exactly one shard.',
  }),
  zipfS: numberParam({
    label: 'Skew (Zipf s)',
    default: 0.8,
    min: 0,
    max: 1.5,
    step: 0.05,
    unit: 'exponent',
    help: 'Popularity of key k ∝ 1/(k+1)^s: 0 = every key equally popular; 1 = a few ids get most requests. Low ids are the most active users.',
  }),
  virtualNodes: numberParam({
    label: 'Virtual nodes',
    default: 100,
    min: 1,
    max: 1000,
    step: 1,
    integer: true,
    unit: 'points/shard',
    scale: 'log',
    help: 'Points each shard has on the consistent-hash ring (only the consistent router uses them).',
  }),
  requestsPerSecond: numberParam({
    label: 'Request rate',
    default: 1000,
    min: 10,
    max: 10_000,
    step: 10,
    unit: 'requests/s',
    scale: 'log',
    help: 'Reads arriving at the routers, at random (Poisson) times, spread over 3 routers.',
  }),
  addShardAtMs: numberParam({
    label: 'Add a shard at',
    default: 8000,
    min: 0,
    max: 600_000,
    step: 100,
    unit: 'ms',
    help: 'When a new shard joins and keys start moving to it (0 = never).',
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

export type ShardingParams = ParamsOf<typeof shardingParams>;

/** Whether a shard joins within the run. */
export const addsShard = (p: ShardingParams) => p.addShardAtMs > 0 && p.addShardAtMs < p.durationMs;
