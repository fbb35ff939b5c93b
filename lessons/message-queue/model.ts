import { assign, setup } from 'xstate';

/** A message as it travels from the queue to a consumer. */
export type MessageEvent = {
  type: 'MESSAGE';
  from: number;
  /** The queue's id of the message, and the receipt of this delivery. */
  queueId: number;
  receipt: number;
  receiveCount: number;
  /** The lesson's index of the message. */
  index: number;
};

export type ConsumerEvent =
  | MessageEvent
  /** A long poll ended with no message. */
  | { type: 'EMPTY'; from?: number }
  /** The autoscaler stops this consumer (after the message in hand) or starts it again. */
  | { type: 'RETIRE' }
  | { type: 'START' };

export type AttemptOutcome = 'retry-here' | 'done';

/** What a consumer machine does to the world (the queue, metrics, the learner's code). */
export interface ConsumerIO {
  /** ReceiveMessage with long polling (sent together with the delete of the message just done). */
  poll(): void;
  /** Withdraws the waiting receive (the consumer retires). */
  stopPolling(): void;
  /** Starts one attempt; returns how long it takes and whether it throws. */
  begin(m: MessageEvent, attempt: number): { workMs: number; fails: boolean };
  /** The attempt succeeded: the effect is applied (and the message deleted unless acked already). */
  succeed(m: MessageEvent): void;
  /** The attempt threw: the learner's onError decides; the model carries out anything but a retry. */
  fail(m: MessageEvent, attempt: number): AttemptOutcome;
  /** A message arrived at a retired consumer: give it back to the queue. */
  giveBack(m: MessageEvent): void;
  /** The consumer stopped (the autoscaler retired it). */
  retired(): void;
}

interface ConsumerContext {
  io: ConsumerIO;
  current: MessageEvent | undefined;
  attempt: number;
  workMs: number;
  fails: boolean;
  outcome: AttemptOutcome;
  retiring: boolean;
}

/**
 * A consumer: long-polls the queue, works on one message at a time, acknowledges
 * (deletes) it. A crash (the engine's `down`) loses the message in hand; the queue still
 * holds it, invisible, until its visibility timeout.
 */
export const consumerMachine = setup({
  types: {
    context: {} as ConsumerContext,
    events: {} as ConsumerEvent,
    input: {} as { io: ConsumerIO },
  },
  delays: {
    work: ({ context }) => context.workMs,
  },
  guards: {
    fails: ({ context }) => context.fails,
    retry: ({ context }) => context.outcome === 'retry-here',
    retiring: ({ context }) => context.retiring,
  },
  actions: {
    startAttempt: assign(({ context }) => {
      const attempt = context.attempt + 1;
      const { workMs, fails } = context.io.begin(context.current!, attempt);
      return { attempt, workMs, fails };
    }),
    succeed: ({ context }) => context.io.succeed(context.current!),
    decide: assign({ outcome: ({ context }) => context.io.fail(context.current!, context.attempt) }),
    markRetiring: assign({ retiring: true }),
  },
}).createMachine({
  id: 'consumer',
  initial: 'idle',
  context: ({ input }) => ({
    io: input.io,
    current: undefined,
    attempt: 0,
    workMs: 0,
    fails: false,
    outcome: 'done',
    retiring: false,
  }),
  states: {
    idle: {
      entry: ({ context }) => context.io.poll(),
      on: {
        MESSAGE: {
          target: 'busy',
          actions: assign({ current: ({ event }) => event, attempt: 0 }),
        },
        // The long poll ended empty (or was lost on a cut link and given up): poll again.
        EMPTY: { target: 'idle', reenter: true },
        RETIRE: { target: 'retired', actions: ({ context }) => context.io.stopPolling() },
      },
    },
    busy: {
      initial: 'working',
      on: { RETIRE: { actions: 'markRetiring' } },
      states: {
        working: {
          entry: 'startAttempt',
          after: {
            work: [
              { guard: 'fails', target: 'failed' },
              { guard: 'retiring', target: '#consumer.retired', actions: 'succeed' },
              { target: '#consumer.idle', actions: 'succeed' },
            ],
          },
        },
        failed: {
          entry: 'decide',
          always: [
            { guard: 'retry', target: 'working', reenter: true },
            { guard: 'retiring', target: '#consumer.retired' },
            { target: '#consumer.idle' },
          ],
        },
      },
    },
    retired: {
      entry: ({ context }) => context.io.retired(),
      on: {
        START: { target: 'idle', actions: assign({ retiring: false }) },
        MESSAGE: { actions: ({ context, event }) => context.io.giveBack(event) },
      },
    },
  },
});

export type QueueEvent =
  | { type: 'SEND'; from: number; index: number }
  | { type: 'RECEIVE'; from: number }
  | { type: 'DELETE'; from: number; queueId: number; receipt: number; thenReceive?: boolean }
  | { type: 'RELEASE'; from: number; queueId: number; receipt: number };

export interface QueueIO {
  send(index: number): void;
  receive(consumer: number): void;
  remove(queueId: number, receipt: number): void;
  release(queueId: number, receipt: number): void;
}

/** The queue's front door: each API call arriving over the network goes to the kit's MessageQueue. */
export const queueMachine = setup({
  types: { context: {} as { io: QueueIO }, events: {} as QueueEvent, input: {} as { io: QueueIO } },
}).createMachine({
  id: 'queue',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        SEND: { actions: ({ context, event }) => context.io.send(event.index) },
        RECEIVE: { actions: ({ context, event }) => context.io.receive(event.from) },
        DELETE: {
          actions: ({ context, event }) => {
            context.io.remove(event.queueId, event.receipt);
            if (event.thenReceive) context.io.receive(event.from);
          },
        },
        RELEASE: { actions: ({ context, event }) => context.io.release(event.queueId, event.receipt) },
      },
    },
  },
});

/** A producer: sends at its normal rate, and faster during a spike (the wiring runs the arrivals). */
export const producerMachine = setup({
  types: { events: {} as { type: 'SPIKE' } | { type: 'CALM' } },
}).createMachine({
  id: 'producer',
  initial: 'steady',
  states: {
    steady: { on: { SPIKE: 'spiking' } },
    spiking: { on: { CALM: 'steady' } },
  },
});
