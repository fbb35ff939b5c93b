import { DIRECTORY_CHUNKS, withShard, type ShardMapData } from '../../src/kit/keyspace/routers';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { JoinPlan, PlanJoin, ShardMap } from './api';

/** Whole numbers from lo to hi, each; `what` names the field in the message. */
function wholeIn(xs: ArrayLike<number>, lo: number, hi: number, what: string): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    if (!(Number.isInteger(x) && x >= lo && x <= hi))
      learnerMistake(
        `planJoin: ${what}[${i}] must be a whole number from ${lo} to ${hi}; it is ${String(x)}`,
      );
  }
}

function rangePlan(plan: JoinPlan, keys: number, shards: number): ShardMapData {
  const { rangeStarts: starts, rangeOwners: owners } = plan;
  if (!starts || !owners || starts.length === 0 || starts.length !== owners.length)
    learnerMistake(
      'planJoin must return rangeStarts and rangeOwners of the same, non-zero length for a range map',
    );
  wholeIn(starts, 0, keys - 1, 'rangeStarts');
  wholeIn(owners, 0, shards - 1, 'rangeOwners');
  if (starts[0] !== 0) learnerMistake('planJoin: rangeStarts[0] must be 0 (every key needs a range)');
  for (let i = 1; i < starts.length; i++)
    if (starts[i]! <= starts[i - 1]!) learnerMistake(`planJoin: rangeStarts must ascend; [${i}] does not`);
  return { kind: 'range', shards, keys, starts: Uint32Array.from(starts), owners: Uint8Array.from(owners) };
}

function directoryPlan(plan: JoinPlan, shards: number): ShardMapData {
  const owners = plan.chunkOwners;
  if (!owners || owners.length !== DIRECTORY_CHUNKS)
    learnerMistake(
      `planJoin must return chunkOwners with one shard per chunk (${DIRECTORY_CHUNKS}) for a directory`,
    );
  wholeIn(owners, 0, shards - 1, 'chunkOwners');
  return { kind: 'directory', shards, owners: Uint8Array.from(owners) };
}

/**
 * The map once a shard joins: the learner's plan for range and directory maps when it
 * exports one (checked: a plan that leaves keys without a shard is a mistake, named),
 * else each scheme's own rule (src/kit/keyspace/routers.ts withShard).
 */
export function joinedMap(
  before: ShardMapData,
  view: ShardMap,
  draw: () => number,
  plan: PlanJoin | undefined,
): ShardMapData {
  if (!plan || (before.kind !== 'range' && before.kind !== 'directory')) return withShard(before, draw);
  const out = plan(view, before.shards);
  if (!out || typeof out !== 'object') learnerMistake('planJoin must return an object (a JoinPlan)');
  return before.kind === 'range'
    ? rangePlan(out, view.keys, before.shards + 1)
    : directoryPlan(out, before.shards + 1);
}
