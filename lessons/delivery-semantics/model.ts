import { assign, setup } from 'xstate';

/**
 * The actors a learner reads as statecharts. Per-record work (the handler, its transaction)
 * runs in plain callbacks (consumer.ts); the machines hold the poll loop's phases.
 */

export type ConsumerEvent =
  /** The broker's answer to a fetch: records [first, first + count) of the partition. */
  | { type: 'RECORDS'; from: number; first: number; count: number }
  | { type: 'OFFSET_COMMITTED'; from: number }
  | { type: 'TX_COMMITTED'; from: number }
  /** Sent by the consumer's own callbacks when the last record of the batch is done. */
  | { type: 'BATCH_DONE' }
  /** A request went unanswered for REQUEST_TIMEOUT_MS. */
  | { type: 'TIMEOUT' };

/** What the consumer machine does to the world. */
export interface ConsumerIO {
  /** 'before': commit the batch's offset as soon as it arrives; 'after': once it is processed. */
  readonly commitFirst: boolean;
  /** Fetch the next batch (from the committed offset after a start or a rewind). */
  fetch(): void;
  /** Keeps the batch that arrived. */
  take(first: number, count: number): void;
  /** Commit the offset just past the batch in hand. */
  commitOffset(): void;
  /** Start on the first record of the batch. */
  processBatch(): void;
  /** The database committed the current record's transaction: on to the next one. */
  recordDone(): void;
  /** Abandon the batch and start again from the committed offset. */
  rewind(): void;
}

interface ConsumerContext {
  io: ConsumerIO;
  processed: boolean;
}

/**
 * A Kafka consumer's poll loop with manual offset commits: fetch a batch, then either
 * commit and process (at-most-once) or process and commit (at-least-once). A crash (the
 * engine's `down`) forgets the batch; the restarted consumer fetches from the committed offset.
 */
export const consumerMachine = setup({
  types: {
    context: {} as ConsumerContext,
    events: {} as ConsumerEvent,
    input: {} as { io: ConsumerIO },
  },
  guards: {
    empty: ({ event }) => event.type === 'RECORDS' && event.count === 0,
    commitFirst: ({ context }) => context.io.commitFirst,
    processed: ({ context }) => context.processed,
  },
  actions: {
    take: ({ context, event }) => {
      if (event.type === 'RECORDS') context.io.take(event.first, event.count);
    },
  },
}).createMachine({
  id: 'consumer',
  initial: 'fetching',
  context: ({ input }) => ({ io: input.io, processed: false }),
  on: { TIMEOUT: { target: '.fetching', reenter: true, actions: ({ context }) => context.io.rewind() } },
  states: {
    fetching: {
      entry: [assign({ processed: false }), ({ context }) => context.io.fetch()],
      on: {
        RECORDS: [
          { guard: 'empty', target: 'fetching', reenter: true },
          { guard: 'commitFirst', target: 'committingOffset', actions: 'take' },
          { target: 'processing', actions: 'take' },
        ],
      },
    },
    committingOffset: {
      entry: ({ context }) => context.io.commitOffset(),
      on: {
        OFFSET_COMMITTED: [{ guard: 'processed', target: 'fetching' }, { target: 'processing' }],
      },
    },
    processing: {
      entry: ({ context }) => context.io.processBatch(),
      on: {
        TX_COMMITTED: { actions: ({ context }) => context.io.recordDone() },
        BATCH_DONE: [
          { guard: 'commitFirst', target: 'fetching' },
          { target: 'committingOffset', actions: assign({ processed: true }) },
        ],
      },
    },
  },
});

export type BrokerEvent =
  | { type: 'PRODUCE'; from: number; id: string }
  /** `position` undefined: fetch from the group's committed offset (a consumer that just started). */
  | { type: 'FETCH'; from: number; position?: number }
  | { type: 'COMMIT_OFFSET'; from: number; offset: number };

export interface BrokerIO {
  append(id: string): void;
  fetch(consumer: number, position: number | undefined): void;
  commit(consumer: number, offset: number): void;
}

/** The partition leader's front door: appends, fetches (held until a batch is ready) and offset commits. */
export const brokerMachine = setup({
  types: { context: {} as { io: BrokerIO }, events: {} as BrokerEvent, input: {} as { io: BrokerIO } },
}).createMachine({
  id: 'broker',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        PRODUCE: { actions: ({ context, event }) => context.io.append(event.id) },
        FETCH: { actions: ({ context, event }) => context.io.fetch(event.from, event.position) },
        COMMIT_OFFSET: { actions: ({ context, event }) => context.io.commit(event.from, event.offset) },
      },
    },
  },
});

export type DatabaseEvent = { type: 'TX_COMMIT'; from: number };

/** The database: commits the open transaction of the connection a COMMIT arrives on. */
export const databaseMachine = setup({
  types: {
    context: {} as { commit: (from: number) => void },
    events: {} as DatabaseEvent,
    input: {} as { commit: (from: number) => void },
  },
}).createMachine({
  id: 'database',
  initial: 'serving',
  context: ({ input }) => ({ commit: input.commit }),
  states: {
    serving: { on: { TX_COMMIT: { actions: ({ context, event }) => context.commit(event.from) } } },
  },
});

/** The producer: appends at its rate, and stops before the end so the consumer can catch up. */
export const producerMachine = setup({
  types: { events: {} as { type: 'STOP' } },
}).createMachine({
  id: 'producer',
  initial: 'producing',
  states: { producing: { on: { STOP: 'stopped' } }, stopped: {} },
});
