import { setup } from 'xstate';

export type FollowerEvent = { type: 'INCOMPATIBLE'; reason: string } | { type: 'DIVERGED' };

/**
 * A follower as the learner reads it: it replays what the leader ships. Physical (WAL)
 * records from a server of another major version cannot be replayed at all: it stops
 * (PostgreSQL streaming replication needs the same major version). A follower whose rows
 * differ from the leader's keeps replaying, silently wrong: nothing in statement-based
 * replication notices until a later statement fails or someone compares the tables.
 */
export const followerMachine = setup({
  types: { events: {} as FollowerEvent },
}).createMachine({
  id: 'follower',
  initial: 'replaying',
  states: {
    replaying: { on: { INCOMPATIBLE: 'stopped', DIVERGED: 'diverged' } },
    diverged: { on: { INCOMPATIBLE: 'stopped' } },
    stopped: {},
  },
});

/** The leader runs statements; it has no states worth drawing. */
export const leaderMachine = setup({}).createMachine({
  id: 'leader',
  initial: 'serving',
  states: { serving: {} },
});
