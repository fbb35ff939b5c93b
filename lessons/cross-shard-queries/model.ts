import { setup } from 'xstate';

/**
 * The actors a learner reads as statecharts: a shard (serving, or with a backlog) and
 * the indexer that ships committed updates to the global index (in sync, or behind).
 * Queries and writes themselves are plain scheduler tasks (queries.ts): hundreds per
 * second; these machines hear only when a threshold is crossed.
 */

/** Requests waiting at a shard before it counts as backlogged. */
export const BACKLOG_AT = 10;

export type ShardEvent = { type: 'BACKLOG' } | { type: 'DRAINED' };

export const shardMachine = setup({ types: { events: {} as ShardEvent } }).createMachine({
  id: 'shard',
  initial: 'serving',
  states: {
    // Requests are served as they come (a few may wait).
    serving: { on: { BACKLOG: 'backlogged' } },
    // BACKLOG_AT or more requests waiting: every query that asks this shard waits behind them.
    backlogged: { on: { DRAINED: 'serving' } },
  },
});

export type IndexerEvent = { type: 'BEHIND' } | { type: 'CAUGHT_UP' };

export const indexerMachine = setup({ types: { events: {} as IndexerEvent } }).createMachine({
  id: 'indexer',
  initial: 'inSync',
  states: {
    // Every committed update is in the global index.
    inSync: { on: { BEHIND: 'behind' } },
    // Some committed update is on its way (change stream delay, then the index partition's queue):
    // an index lookup of that user may read the old entry.
    behind: { on: { CAUGHT_UP: 'inSync' } },
  },
});

/** The router (the application's query coordinator): it plans every query; queries are not events. */
export const routerMachine = setup({}).createMachine({
  id: 'router',
  initial: 'routing',
  states: { routing: {} },
});
