import { setup } from 'xstate';
import { REBALANCE_PAUSE_MS } from './constants';

/** What a consumer machine does to the world (the group, its fetch loop). */
export interface ConsumerIO {
  /** Entering the join: stop fetching, commit what was processed, send JoinGroup. */
  join(): void;
  /** The assignment arrived: read these partitions from their committed offsets. */
  start(partitions: readonly number[]): void;
}

export type ConsumerEvent =
  | { type: 'ASSIGNED'; partitions: readonly number[] }
  /** The coordinator's answer to a heartbeat during a rebalance (REBALANCE_IN_PROGRESS). */
  | { type: 'REBALANCE' };

/**
 * A consumer in a group (Kafka's KafkaConsumer): it joins, waits for its assignment, then
 * fetches and processes its partitions' records (a plain loop, not machine events) until the
 * next rebalance stops it. A member with no partition sits idle. A crash is the engine's
 * `down`: nobody is told; the coordinator notices when the heartbeats stop.
 */
export const consumerMachine = setup({
  types: {
    context: {} as { io: ConsumerIO },
    events: {} as ConsumerEvent,
    input: {} as { io: ConsumerIO },
  },
  guards: { nothingAssigned: ({ event }) => event.type === 'ASSIGNED' && event.partitions.length === 0 },
  actions: {
    start: ({ context, event }) => {
      if (event.type === 'ASSIGNED') context.io.start(event.partitions);
    },
  },
}).createMachine({
  id: 'consumer',
  initial: 'syncingGroup',
  context: ({ input }) => ({ io: input.io }),
  states: {
    syncingGroup: {
      entry: ({ context }) => context.io.join(),
      on: {
        ASSIGNED: [
          { guard: 'nothingAssigned', target: 'idle', actions: 'start' },
          { target: 'fetching', actions: 'start' },
        ],
      },
    },
    idle: { on: { REBALANCE: 'syncingGroup' } },
    fetching: { on: { REBALANCE: 'syncingGroup' } },
  },
});

/** What a group coordinator machine does: membership and the assignment. */
export interface CoordinatorIO {
  /** A member joined or rejoined (JoinGroup). */
  joined(member: number): void;
  /** A heartbeat arrived. */
  heartbeat(member: number): void;
  /** A member was evicted (no heartbeat for session.timeout.ms). */
  left(member: number): void;
  /** A rebalance starts: every member is told to stop and rejoin. */
  prepare(): void;
  /** The rebalance ends: the assignor runs over the members and each gets its partitions. */
  complete(): void;
}

export type CoordinatorEvent =
  { type: 'JOIN'; from: number } | { type: 'LEAVE'; member: number } | { type: 'HEARTBEAT'; from: number };

/**
 * A consumer group's coordinator (a broker's role): stable until a member joins or is
 * evicted, then rebalancing: the whole group stops (Kafka's eager protocol, what the default
 * range assignor uses) for the pause, then the assignment is handed out.
 */
export const coordinatorMachine = setup({
  types: {
    context: {} as { io: CoordinatorIO },
    events: {} as CoordinatorEvent,
    input: {} as { io: CoordinatorIO },
  },
  delays: { pause: REBALANCE_PAUSE_MS },
  actions: {
    membership: ({ context, event }) => {
      if (event.type === 'JOIN') context.io.joined(event.from);
      else if (event.type === 'LEAVE') context.io.left(event.member);
    },
    heartbeat: ({ context, event }) => {
      if (event.type === 'HEARTBEAT') context.io.heartbeat(event.from);
    },
  },
}).createMachine({
  id: 'coordinator',
  initial: 'stable',
  context: ({ input }) => ({ io: input.io }),
  on: { HEARTBEAT: { actions: 'heartbeat' } },
  states: {
    stable: {
      on: {
        JOIN: { target: 'rebalancing', actions: 'membership' },
        LEAVE: { target: 'rebalancing', actions: 'membership' },
      },
    },
    rebalancing: {
      entry: ({ context }) => context.io.prepare(),
      after: { pause: { target: 'stable', actions: ({ context }) => context.io.complete() } },
      // Members joining or leaving meanwhile take part in this rebalance.
      on: { JOIN: { actions: 'membership' }, LEAVE: { actions: 'membership' } },
    },
  },
});

export type BrokerEvent =
  | { type: 'PRODUCE'; from: number; key: number; keySeq: number; partition: number }
  | { type: 'COMMIT'; from: number; offsets: readonly (readonly [number, number])[]; generation: number };

export interface BrokerIO {
  append(key: number, keySeq: number, partition: number): void;
  commit(from: number, offsets: readonly (readonly [number, number])[], generation: number): void;
}

/** The broker leading every partition of the topic: appends produced records, stores committed offsets. */
export const brokerMachine = setup({
  types: { context: {} as { io: BrokerIO }, events: {} as BrokerEvent, input: {} as { io: BrokerIO } },
}).createMachine({
  id: 'broker',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        PRODUCE: {
          actions: ({ context, event }) => context.io.append(event.key, event.keySeq, event.partition),
        },
        COMMIT: {
          actions: ({ context, event }) => context.io.commit(event.from, event.offsets, event.generation),
        },
      },
    },
  },
});

/** The blog API publishing a post event per post (the wiring runs the arrivals). */
export const producerMachine = setup({}).createMachine({
  id: 'producer',
  initial: 'producing',
  states: { producing: {} },
});
