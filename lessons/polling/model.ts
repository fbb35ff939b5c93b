import { assign, enqueueActions, setup } from 'xstate';
import type { PollAnswer, PollSettings } from './api';

/** What the model lets machines do to the world outside them (network, metrics, learner code). */
export interface ServerIO {
  /** Number of updates published so far; an update's index is its position in the feed. */
  feedLength(): number;
  answer(client: number, from: number, to: number): void;
  setOpenRequests(n: number): void;
}

export interface ClientIO {
  now(): number;
  /** Updates published so far: what the page shows when it loads. */
  feedLength(): number;
  poll(since: number, hold: boolean): void;
  receive(from: number, to: number): void;
  nextDelay(answer: PollAnswer): number;
}

export type ServerEvent =
  | { type: 'POLL'; from: number; since: number; hold: boolean }
  | { type: 'PUBLISH' }
  | { type: 'HOLD_EXPIRED'; client: number };

interface Held {
  since: number;
}

/**
 * The HTTP server. A short poll is answered at once. A long poll with nothing new
 * is held until an update is published (then every held request is answered) or
 * until its hold timeout passes (then it is answered empty).
 */
export const serverMachine = setup({
  types: {
    context: {} as { io: ServerIO; holdTimeoutMs: number; held: Map<number, Held> },
    events: {} as ServerEvent,
    input: {} as { io: ServerIO; holdTimeoutMs: number },
  },
  guards: {
    hasNews: ({ context, event }) => event.type === 'POLL' && context.io.feedLength() > event.since,
    wantsHold: ({ event }) => event.type === 'POLL' && event.hold,
    nothingHeld: ({ context }) => context.held.size === 0,
  },
  actions: {
    answerNow: ({ context, event }) => {
      if (event.type === 'POLL') context.io.answer(event.from, event.since, context.io.feedLength());
    },
    hold: enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'POLL') return;
      context.held.set(event.from, { since: event.since });
      context.io.setOpenRequests(context.held.size);
      enqueue.cancel(`hold-${event.from}`);
      enqueue.raise(
        { type: 'HOLD_EXPIRED', client: event.from },
        { delay: context.holdTimeoutMs, id: `hold-${event.from}` },
      );
    }),
    answerHeld: enqueueActions(({ context, enqueue }) => {
      const to = context.io.feedLength();
      for (const [client, h] of context.held) {
        enqueue.cancel(`hold-${client}`);
        context.io.answer(client, h.since, to);
      }
      context.held.clear();
      context.io.setOpenRequests(0);
    }),
    expire: ({ context, event }) => {
      if (event.type !== 'HOLD_EXPIRED') return;
      const h = context.held.get(event.client);
      if (!h) return;
      context.held.delete(event.client);
      context.io.setOpenRequests(context.held.size);
      context.io.answer(event.client, h.since, h.since);
    },
  },
}).createMachine({
  id: 'server',
  initial: 'idle',
  context: ({ input }) => ({ io: input.io, holdTimeoutMs: input.holdTimeoutMs, held: new Map() }),
  states: {
    idle: {
      on: {
        POLL: [
          { guard: 'hasNews', actions: 'answerNow' },
          { guard: 'wantsHold', target: 'holding', actions: 'hold' },
          { actions: 'answerNow' },
        ],
      },
    },
    holding: {
      always: { guard: 'nothingHeld', target: 'idle' },
      on: {
        POLL: [
          { guard: 'hasNews', actions: 'answerNow' },
          { guard: 'wantsHold', actions: 'hold' },
          { actions: 'answerNow' },
        ],
        PUBLISH: { target: 'idle', actions: 'answerHeld' },
        HOLD_EXPIRED: { actions: 'expire' },
      },
    },
  },
});

export type ClientEvent =
  | { type: 'ANSWER'; from: number; since: number; to: number }
  /** The server's host refused or reset the connection (the server process is down). */
  | { type: 'FAILED'; from: number };

export interface ClientContext {
  io: ClientIO;
  /** When the tab opens (tabs open at different moments, so their timers are not in step). */
  openAfterMs: number;
  strategy: 'short' | 'long';
  settings: PollSettings;
  requestTimeoutMs: number;
  since: number;
  delay: number;
  sentAt: number;
  emptyStreak: number;
  errorStreak: number;
}

/** What a tab learns from an answer carrying updates `since`..`to`, and how long it then waits. */
export function afterAnswer(
  context: ClientContext,
  since: number,
  to: number,
): Pick<ClientContext, 'since' | 'emptyStreak' | 'errorStreak' | 'delay'> {
  const updates = to - since;
  context.io.receive(since, to);
  const emptyStreak = updates > 0 ? 0 : context.emptyStreak + 1;
  const answer: PollAnswer = {
    strategy: context.strategy,
    kind: updates > 0 ? 'data' : 'empty',
    updates,
    roundTripMs: context.io.now() - context.sentAt,
    emptyStreak,
    errorStreak: 0,
  };
  return {
    since: Math.max(context.since, to),
    emptyStreak,
    errorStreak: 0,
    delay: context.io.nextDelay(answer),
  };
}

/** No answer (refused, reset or timed out): the streaks grow, and the policy says how long to wait. */
export function afterFailure(
  context: ClientContext,
): Pick<ClientContext, 'emptyStreak' | 'errorStreak' | 'delay'> {
  const emptyStreak = context.emptyStreak + 1;
  const errorStreak = context.errorStreak + 1;
  const answer: PollAnswer = {
    strategy: context.strategy,
    kind: 'error',
    updates: 0,
    roundTripMs: context.io.now() - context.sentAt,
    emptyStreak,
    errorStreak,
  };
  return { emptyStreak, errorStreak, delay: context.io.nextDelay(answer) };
}

/**
 * A browser tab. It waits, sends a poll, and waits for the answer; the learner's
 * policy decides how long to wait after each answer. This machine is the tab's
 * statechart; runs drive `TabActor` (tab-actor.ts), which takes the same
 * transitions as plain callbacks, one per request being too many for xstate.
 */
export const clientMachine = setup({
  types: {
    context: {} as ClientContext,
    events: {} as ClientEvent,
    input: {} as Omit<ClientContext, 'since' | 'delay' | 'sentAt' | 'emptyStreak' | 'errorStreak'>,
  },
  actions: {
    // No answer: the host refused or reset the connection, or the request timed out.
    requestFailed: assign(({ context }) => afterFailure(context)),
  },
  delays: {
    openDelay: ({ context }) => context.openAfterMs,
    pollDelay: ({ context }) => context.delay,
    requestTimeout: ({ context }) => context.requestTimeoutMs,
  },
}).createMachine({
  id: 'client',
  initial: 'loading',
  context: ({ input }) => ({ ...input, since: 0, delay: 0, sentAt: 0, emptyStreak: 0, errorStreak: 0 }),
  states: {
    // The page loads with the feed's current state, then polls for what comes after.
    loading: {
      after: {
        openDelay: {
          target: 'requesting',
          actions: assign({ since: ({ context }) => context.io.feedLength() }),
        },
      },
    },
    waiting: { after: { pollDelay: 'requesting' } },
    requesting: {
      entry: [
        ({ context }) => context.io.poll(context.since, context.strategy === 'long'),
        assign({ sentAt: ({ context }) => context.io.now() }),
      ],
      on: {
        ANSWER: {
          target: 'waiting',
          actions: assign(({ context, event }) => afterAnswer(context, event.since, event.to)),
        },
        FAILED: { target: 'waiting', actions: 'requestFailed' },
      },
      after: { requestTimeout: { target: 'waiting', actions: 'requestFailed' } },
    },
  },
});
