import { parseArgs as parseNodeArgs } from 'node:util';

/** Parsed command line of `npm run sim`. */
export interface SimArgs {
  lessonId: string;
  /** Seeds to run, in order (one for --seed, several for --seeds). */
  seeds: number[];
  /** True when --seeds was given: the output is a distribution over the seeds. */
  multi: boolean;
  sets: [string, string][];
  codeFile?: string;
  durationMs?: number;
  json: boolean;
}

export class UsageError extends Error {}

export const USAGE =
  'usage: npm run sim -- <lesson-id> [--seed N | --seeds A..B] [--set name=value]... [--code FILE.ts] [--duration MS] [--json]';

/** At most this many seeds in one --seeds run. */
export const MAX_SEEDS = 1000;

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a whole number >= 0 (got "${text}")`);
  return n;
}

/** "1..20" (inclusive range) or "3,5,8" (a list). */
export function parseSeeds(text: string): number[] {
  const range = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  let seeds: number[];
  if (range) {
    const [a, b] = [integer(range[1]!, '--seeds'), integer(range[2]!, '--seeds')];
    if (b < a) throw new UsageError(`--seeds range must go up (got "${text}")`);
    if (b - a + 1 > MAX_SEEDS)
      throw new UsageError(`--seeds runs at most ${MAX_SEEDS} seeds (got "${text}")`);
    seeds = Array.from({ length: b - a + 1 }, (_, i) => a + i);
  } else {
    seeds = text.split(',').map((s) => integer(s, '--seeds'));
    if (seeds.length > MAX_SEEDS) throw new UsageError(`--seeds runs at most ${MAX_SEEDS} seeds`);
  }
  return seeds;
}

/** Node's own parser reports in its words; say it in ours, in one line. */
function usageOf(err: unknown): UsageError {
  const e = err as Error & { code?: string };
  const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`unknown option ${option}; ${USAGE}`);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return new UsageError(`${option ?? 'an option'} needs a value; ${USAGE}`);
  return new UsageError(`${e.message}; ${USAGE}`);
}

export function parseArgs(args: string[]): SimArgs {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        seed: { type: 'string' },
        seeds: { type: 'string' },
        duration: { type: 'string' },
        code: { type: 'string' },
        set: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (err) {
    throw usageOf(err);
  }
  const { values: v, positionals } = parsed;
  for (const [flag, value] of Object.entries(v))
    if (typeof value === 'string' && value.startsWith('--'))
      throw new UsageError(`--${flag} needs a value; ${USAGE}`);
  if (positionals.length === 0) throw new UsageError(USAGE);
  if (positionals.length > 1)
    throw new UsageError(`one lesson at a time (got "${positionals[0]}" and "${positionals[1]}")`);
  if (v.seed !== undefined && v.seeds !== undefined) throw new UsageError('give --seed or --seeds, not both');
  const sets = (v.set ?? []).map((kv): [string, string] => {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set takes name=value (got "${kv}")`);
    return [kv.slice(0, eq), kv.slice(eq + 1)];
  });
  return {
    lessonId: positionals[0]!,
    seeds:
      v.seeds !== undefined ? parseSeeds(v.seeds) : [v.seed !== undefined ? integer(v.seed, '--seed') : 1],
    multi: v.seeds !== undefined,
    sets,
    json: v.json ?? false,
    ...(v.code !== undefined ? { codeFile: v.code } : {}),
    ...(v.duration !== undefined ? { durationMs: integer(v.duration, '--duration') } : {}),
  };
}
