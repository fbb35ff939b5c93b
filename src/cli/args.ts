/** Parsed command line of `npm run sim`. */
export interface SimArgs {
  lessonId: string;
  seed: number;
  sets: [string, string][];
  codeFile?: string;
  durationMs?: number;
  json: boolean;
}

export class UsageError extends Error {}

export const USAGE =
  'usage: npm run sim -- <lesson-id> [--seed N] [--set name=value]... [--code FILE.ts] [--duration MS] [--json]';

function needValue(args: string[], i: number, flag: string): string {
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value; ${USAGE}`);
  return v;
}

function integer(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`${flag} must be a whole number >= 0 (got "${text}")`);
  return n;
}

export function parseArgs(args: string[]): SimArgs {
  let lessonId: string | undefined;
  const out: Omit<SimArgs, 'lessonId'> = { seed: 1, sets: [], json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    switch (a) {
      case '--json':
        out.json = true;
        break;
      case '--seed':
        out.seed = integer(needValue(args, i++, a), a);
        break;
      case '--duration':
        out.durationMs = integer(needValue(args, i++, a), a);
        break;
      case '--code':
        out.codeFile = needValue(args, i++, a);
        break;
      case '--set': {
        const kv = needValue(args, i++, a);
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`--set takes name=value (got "${kv}")`);
        out.sets.push([kv.slice(0, eq), kv.slice(eq + 1)]);
        break;
      }
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}; ${USAGE}`);
        if (lessonId !== undefined)
          throw new UsageError(`one lesson at a time (got "${lessonId}" and "${a}")`);
        lessonId = a;
    }
  }
  if (lessonId === undefined) throw new UsageError(USAGE);
  return { lessonId, ...out };
}
