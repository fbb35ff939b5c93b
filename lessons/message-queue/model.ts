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
  | { type: 'EMPTY'; from: number }
  /** The autoscaler stops this consumer (after the message in hand) or starts it again. */
  | { type: 'RETIRE' }
  | { type: 'START' };

export type AttemptOutcome = 'retry-now' | 'done';

/** What a consumer machine does to the world (the queue, metrics, the learner's code). */
export interface ConsumerIO {
  /** ReceiveMessage with long polling. */
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
  pollTimeoutMs: number;
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
    input: {} as { io: ConsumerIO; pollTimeoutMs: number },
  },
  delays: {
    work: ({ context }) => context.workMs,
    pollTimeout: ({ context }) => context.pollTimeoutMs,
  },
  guards: {
    fails: ({ context }) => context.fails,
    retry: ({ context }) => context.outcome === 'retry-now',
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
    pollTimeoutMs: input.pollTimeoutMs,
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
        EMPTY: { target: 'idle', reenter: true },
        RETIRE: { target: 'retired', actions: ({ context }) => context.io.stopPolling() },
      },
      // A long poll lost on the way (a cut link) is given up and sent again.
      after: { pollTimeout: { target: 'idle', reenter: true } },
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
              { target: '#consumer.finished', actions: 'succeed' },
            ],
          },
        },
        failed: {
          entry: 'decide',
          always: [{ guard: 'retry', target: 'working', reenter: true }, { target: '#consumer.finished' }],
        },
      },
    },
    finished: {
      always: [{ guard: 'retiring', target: 'retired' }, { target: 'idle' }],
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
  | { type: 'DELETE'; from: number; queueId: number; receipt: number }
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
        DELETE: { actions: ({ context, event }) => context.io.remove(event.queueId, event.receipt) },
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
