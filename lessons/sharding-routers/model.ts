import { assign, setup } from 'xstate';

/**
 * The control plane of the cluster as xstate machines: the coordination service that
 * holds the shard map (ZooKeeper style: a versioned record, watches that fire once),
 * the routers that cache it, and the shards' membership. Reads themselves never pass
 * through these machines (see dataplane.ts): at thousands per second they are plain
 * scheduler tasks.
 */

export interface CoordinatorIO {
  /** Plans the move for the joining shard; returns how long copying the keys takes, ms. */
  planJoin(): number;
  /** Makes the new map the committed one and fires the routers' watches. */
  commit(): void;
  /** Answers a router's read of the map (which also sets its watch). */
  sendMap(router: number): void;
}

export type CoordinatorEvent = { type: 'ADD_SHARD' } | { type: 'GET_MAP'; from: number };

export const coordinatorMachine = setup({
  types: {
    context: {} as { io: CoordinatorIO; copyMs: number },
    events: {} as CoordinatorEvent,
    input: {} as { io: CoordinatorIO },
  },
  actions: {
    sendMap: ({ context, event }) => {
      if (event.type === 'GET_MAP') context.io.sendMap(event.from);
    },
  },
  delays: { copyDelay: ({ context }) => context.copyMs },
}).createMachine({
  id: 'coordinator',
  initial: 'stable',
  context: ({ input }) => ({ io: input.io, copyMs: 0 }),
  on: { GET_MAP: { actions: 'sendMap' } },
  states: {
    stable: {
      on: {
        ADD_SHARD: {
          target: 'migrating',
          actions: assign({ copyMs: ({ context }) => context.io.planJoin() }),
        },
      },
    },
    // Keys are being copied to the new shard; the old map stays in force until the commit.
    migrating: {
      after: { copyDelay: { target: 'stable', actions: ({ context }) => context.io.commit() } },
    },
  },
});

export interface RouterIO {
  /** Reads the map from the coordination service, setting a watch. */
  fetchMap(): void;
  /** Installs the map version that arrived; retries the reads parked on it. */
  install(version: number): void;
  /** The version the router holds. */
  version(): number;
}

export type RouterEvent =
  | { type: 'WATCH_FIRED'; version: number }
  | { type: 'STALE'; version: number }
  | { type: 'MAP'; version: number };

/** How long a router waits for the map before asking again (the coordinator may be unreachable). */
export const MAP_RETRY_MS = 500;

/**
 * A router caches the shard map. It refreshes when its watch fires (the map changed) or
 * when a shard answers "wrong shard" with a newer version than it holds (it missed the
 * change: a watch fires once, and a change before it is set again is not reported).
 */
export const routerMachine = setup({
  types: {
    context: {} as { io: RouterIO },
    events: {} as RouterEvent,
    input: {} as { io: RouterIO },
  },
  guards: {
    newer: ({ context, event }) => event.version > context.io.version(),
  },
}).createMachine({
  id: 'router',
  initial: 'refreshing',
  context: ({ input }) => ({ io: input.io }),
  states: {
    current: {
      on: {
        WATCH_FIRED: { target: 'refreshing' },
        STALE: { guard: 'newer', target: 'refreshing' },
      },
    },
    refreshing: {
      entry: ({ context }) => context.io.fetchMap(),
      on: {
        MAP: { target: 'current', actions: ({ context, event }) => context.io.install(event.version) },
      },
      after: { [MAP_RETRY_MS]: { target: 'refreshing', reenter: true } },
    },
  },
});

export type ShardEvent = { type: 'JOIN' } | { type: 'DONATE' } | { type: 'COMMIT' };

/** A shard's part in a topology change: the spare waits, then receives keys; donors send theirs. */
export const shardMachine = setup({
  types: {
    context: {} as { spare: boolean },
    events: {} as ShardEvent,
    input: {} as { spare: boolean },
  },
  guards: { spare: ({ context }) => context.spare },
}).createMachine({
  id: 'shard',
  initial: 'start',
  context: ({ input }) => ({ spare: input.spare }),
  states: {
    start: { always: [{ guard: 'spare', target: 'standby' }, { target: 'serving' }] },
    standby: { on: { JOIN: 'receiving' } },
    receiving: { on: { COMMIT: 'serving' } },
    serving: { on: { DONATE: 'donating' } },
    donating: { on: { COMMIT: 'serving' } },
  },
});
