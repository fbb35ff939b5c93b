import { setup } from 'xstate';
import { FAILOVER_AFTER_MS } from './constants';

/**
 * The actors a learner reads as statecharts: a database server's role, and the failover
 * manager. Log entries, acknowledgements and reads never pass through these machines
 * (replica.ts, app.ts): at hundreds per second they are plain callbacks on the scheduler.
 */

export interface ReplicaIO {
  /** True only for the first leader at the start of the run (a restarted server rejoins as a follower). */
  startsAsLeader(): boolean;
  /** The server (re)starts: rejoin as a follower from what survived on disk. */
  boot(): void;
  /** Promoted: finish replaying what was received; calls back when done. */
  replayBacklog(done: () => void): void;
  /** Start taking writes. */
  lead(): void;
}

export type ReplicaEvent = { type: 'PROMOTE' } | { type: 'CAUGHT_UP' };

/**
 * A database server: it follows a leader (receives its log, replays it), or, once
 * promoted, first replays the rest of what it received (PostgreSQL's promote finishes
 * recovery before it accepts writes) and then leads. The first leader starts in `leading`.
 */
export const replicaMachine = setup({
  types: {
    context: {} as { io: ReplicaIO },
    events: {} as ReplicaEvent,
    input: {} as { io: ReplicaIO },
  },
}).createMachine({
  id: 'replica',
  initial: 'starting',
  context: ({ input }) => ({ io: input.io }),
  states: {
    starting: {
      always: [
        { guard: ({ context }) => context.io.startsAsLeader(), target: 'leading' },
        { target: 'following' },
      ],
    },
    following: {
      entry: ({ context }) => context.io.boot(),
      on: { PROMOTE: 'promoting' },
    },
    promoting: {
      entry: ({ context, self }) => context.io.replayBacklog(() => self.send({ type: 'CAUGHT_UP' })),
      on: { CAUGHT_UP: 'leading' },
    },
    leading: { entry: ({ context }) => context.io.lead() },
  },
});

export interface FailoverIO {
  /** Promotes the most up-to-date live follower; false when none is up. */
  promote(): boolean;
}

export type FailoverEvent = { type: 'LEADER_DOWN' } | { type: 'LEADER_UP' };

/**
 * The failover manager (Orchestrator, Patroni): it watches the leader; when the leader has
 * been unreachable for FAILOVER_AFTER_MS it promotes the follower that received the most of the log.
 */
export const failoverMachine = setup({
  types: {
    context: {} as { io: FailoverIO },
    events: {} as FailoverEvent,
    input: {} as { io: FailoverIO },
  },
}).createMachine({
  id: 'failover',
  initial: 'watching',
  context: ({ input }) => ({ io: input.io }),
  states: {
    watching: { on: { LEADER_DOWN: 'suspecting' } },
    suspecting: {
      after: {
        [FAILOVER_AFTER_MS]: [
          { guard: ({ context }) => context.io.promote(), target: 'watching' },
          { target: 'suspecting', reenter: true },
        ],
      },
    },
  },
});
