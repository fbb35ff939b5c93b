import { assign, setup } from 'xstate';
import type { Step } from './api';

/** A message as the queue hands it to a worker: the request's deferred steps. */
export type JobEvent = {
  type: 'JOB';
  from: number;
  queueId: number;
  receipt: number;
  receiveCount: number;
  request: number;
};

export type WorkerEvent =
  | JobEvent
  /** The long poll ended with no message (or was lost on a cut link and given up). */
  | { type: 'EMPTY'; from?: number }
  /** The database or the search cluster finished the step the worker asked for. */
  | { type: 'DONE'; from: number; request: number };

/** What a worker machine does to the world (the queue, the stores, metrics). */
export interface WorkerIO {
  /** ReceiveMessage with long polling; sent with the delete of the job just finished, if any. */
  poll(): void;
  /** The steps of this job (its request's deferred steps). */
  steps(job: JobEvent): readonly Step[];
  /** Sends one step to the database or the search cluster. */
  run(job: JobEvent, step: Step): void;
  /** Every step is done: the delete goes with the next poll. */
  finish(job: JobEvent): void;
  busy(busy: boolean): void;
}

interface WorkerContext {
  io: WorkerIO;
  job: JobEvent | undefined;
  step: number;
}

/**
 * A worker: long-polls the queue, runs the message's steps one after the other, then
 * deletes it (together with its next ReceiveMessage). A crash (the engine's `down`)
 * forgets the job; the queue still holds the message, invisible until its timeout.
 */
export const workerMachine = setup({
  types: {
    context: {} as WorkerContext,
    events: {} as WorkerEvent,
    input: {} as { io: WorkerIO },
  },
  guards: {
    /** The reply is for this worker's job (not a late one from before a crash). */
    mine: ({ context, event }) => event.type === 'DONE' && event.request === context.job?.request,
    mineAndMore: ({ context, event }) =>
      event.type === 'DONE' &&
      event.request === context.job?.request &&
      context.step + 1 < context.io.steps(context.job).length,
  },
  actions: {
    runStep: ({ context }) => {
      const step = context.io.steps(context.job!)[context.step];
      if (step) context.io.run(context.job!, step);
    },
  },
}).createMachine({
  id: 'worker',
  initial: 'polling',
  context: ({ input }) => ({ io: input.io, job: undefined, step: 0 }),
  states: {
    polling: {
      entry: ({ context }) => {
        context.io.busy(false);
        context.io.poll();
      },
      on: {
        JOB: { target: 'working', actions: assign({ job: ({ event }) => event, step: 0 }) },
        EMPTY: { target: 'polling', reenter: true },
      },
    },
    working: {
      entry: [({ context }) => context.io.busy(true), 'runStep'],
      on: {
        DONE: [
          {
            guard: 'mineAndMore',
            actions: [assign({ step: ({ context }) => context.step + 1 }), 'runStep'],
          },
          {
            guard: 'mine',
            target: 'polling',
            actions: ({ context }) => context.io.finish(context.job!),
          },
        ],
      },
    },
  },
});

export type ApiEvent =
  | { type: 'REQUEST'; from: number; request: number }
  | { type: 'DONE'; from: number; request: number }
  | { type: 'STORED'; from: number; request: number; queueId: number };

export interface ApiIO {
  request(from: number, request: number): void;
  stepDone(request: number): void;
  stored(request: number, queueId: number): void;
}

/**
 * The API server: a Node-style event loop that takes any number of requests at once;
 * each request's steps run as plain callbacks (see api-server.ts), not as machine states.
 */
export const apiMachine = setup({
  types: { context: {} as { io: ApiIO }, events: {} as ApiEvent, input: {} as { io: ApiIO } },
}).createMachine({
  id: 'api',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        REQUEST: { actions: ({ context, event }) => context.io.request(event.from, event.request) },
        DONE: { actions: ({ context, event }) => context.io.stepDone(event.request) },
        STORED: { actions: ({ context, event }) => context.io.stored(event.request, event.queueId) },
      },
    },
  },
});

export type StoreEvent = { type: 'QUERY'; from: number; request: number; step: Step };

/** The database or the search cluster: a pool of connections (threads) in front of a FIFO queue. */
export const storeMachine = setup({
  types: {
    context: {} as { submit: (e: StoreEvent) => void },
    events: {} as StoreEvent,
    input: {} as { submit: (e: StoreEvent) => void },
  },
}).createMachine({
  id: 'store',
  initial: 'serving',
  context: ({ input }) => ({ submit: input.submit }),
  states: {
    serving: { on: { QUERY: { actions: ({ context, event }) => context.submit(event) } } },
  },
});

export type BrokerEvent =
  | { type: 'SEND'; from: number; request: number }
  | { type: 'RECEIVE'; from: number }
  | { type: 'DELETE'; from: number; queueId: number; receipt: number; thenReceive?: boolean };

export interface BrokerIO {
  send(from: number, request: number): void;
  receive(worker: number): void;
  remove(queueId: number, receipt: number): void;
}

/** The broker's front door: each API call arriving over the network goes to the kit's MessageQueue. */
export const brokerMachine = setup({
  types: { context: {} as { io: BrokerIO }, events: {} as BrokerEvent, input: {} as { io: BrokerIO } },
}).createMachine({
  id: 'broker',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        SEND: { actions: ({ context, event }) => context.io.send(event.from, event.request) },
        RECEIVE: { actions: ({ context, event }) => context.io.receive(event.from) },
        DELETE: {
          actions: ({ context, event }) => {
            context.io.remove(event.queueId, event.receipt);
            if (event.thenReceive) context.io.receive(event.from);
          },
        },
      },
    },
  },
});

/** Authors or devices: they send; the wiring runs the arrivals. The devices' machine marks the burst. */
export const clientMachine = setup({
  types: { events: {} as { type: 'BURST' } | { type: 'CALM' } },
}).createMachine({
  id: 'client',
  initial: 'steady',
  states: {
    steady: { on: { BURST: 'bursting' } },
    bursting: { on: { CALM: 'steady' } },
  },
});
