import { setup } from 'xstate';
import type { Technique } from './api';
import type { PacketEvent } from '../../src/kit/transport/keep-alive';

/** Messages a page receives (from the network, except SAY). */
export type ClientEvent =
  | PacketEvent
  /** A poll's answer: the updates it carries (their publish times). */
  | { type: 'ANSWER'; conn: number; postedAt: number[] }
  /** The stream is open: `200 text/event-stream` or `101 Switching Protocols`. */
  | { type: 'OPENED'; conn: number }
  /** One update pushed on the open stream (an SSE event or a WebSocket frame). */
  | { type: 'PUSH'; postedAt: number }
  /** The server answered a POST. */
  | { type: 'POSTED'; conn: number }
  /** The stream's connection was reset (the server went down). */
  | { type: 'CLOSED' }
  /** Local: the user sends a chat message. */
  | { type: 'SAY' };

/** What a page's machine may do to the world. */
export interface ClientIO {
  poll(hold: boolean): void;
  answered(conn: number, postedAt: number[]): void;
  openStream(): void;
  opened(conn: number): void;
  /** The stream broke (CLOSED): a WebSocket page cannot send until it reopens. */
  closed(): void;
  pushed(postedAt: number): void;
  say(): void;
  posted(conn: number): void;
  packet(ev: PacketEvent): void;
  /** A request got no answer in time: forget its connection. */
  gaveUp(): void;
}

export interface ClientInput {
  io: ClientIO;
  technique: Technique;
  openAfterMs: number;
  pollIntervalMs: number;
  /** Longest wait for an answer (a long poll's hold plus margin) before trying again. */
  requestTimeoutMs: number;
  /** Wait before reopening a broken stream (Chrome's EventSource default, 3 s). */
  retryMs: number;
}

const is =
  (t: Technique) =>
  ({ context }: { context: ClientInput }) =>
    context.technique === t;

/**
 * A page of one feature. The top-level states are the four techniques; each has
 * the shape of its protocol: short polling waits and asks, long polling asks again
 * the moment it is answered, SSE and WebSocket open one stream and listen.
 * Transport packets (handshakes, FIN) and chat messages are handled in any state.
 */
export const clientMachine = setup({
  types: { context: {} as ClientInput, events: {} as ClientEvent, input: {} as ClientInput },
  guards: { short: is('short'), long: is('long'), sse: is('sse') },
  delays: {
    openAfter: ({ context }) => context.openAfterMs,
    pollInterval: ({ context }) => context.pollIntervalMs,
    requestTimeout: ({ context }) => context.requestTimeoutMs,
    retry: ({ context }) => context.retryMs,
  },
  actions: {
    gaveUp: ({ context }) => context.io.gaveUp(),
    answered: ({ context, event }) => {
      if (event.type === 'ANSWER') context.io.answered(event.conn, event.postedAt);
    },
  },
}).createMachine({
  id: 'client',
  initial: 'loading',
  context: ({ input }) => input,
  on: {
    PACKET: { actions: ({ context, event }) => context.io.packet(event) },
    SAY: { actions: ({ context }) => context.io.say() },
    POSTED: { actions: ({ context, event }) => context.io.posted(event.conn) },
  },
  states: {
    loading: {
      after: {
        openAfter: [
          { guard: 'short', target: 'shortPolling' },
          { guard: 'long', target: 'longPolling' },
          { guard: 'sse', target: 'sse' },
          { target: 'websocket' },
        ],
      },
    },
    shortPolling: {
      initial: 'asking',
      states: {
        asking: {
          entry: ({ context }) => context.io.poll(false),
          on: {
            ANSWER: { target: 'waiting', actions: 'answered' },
            // The server's host reset the connection (the server crashed): no answer is coming.
            CLOSED: { target: 'waiting', actions: 'gaveUp' },
          },
          after: { requestTimeout: { target: 'waiting', actions: 'gaveUp' } },
        },
        waiting: { after: { pollInterval: 'asking' } },
      },
    },
    longPolling: {
      initial: 'held',
      states: {
        held: {
          entry: ({ context }) => context.io.poll(true),
          on: {
            ANSWER: { target: 'held', reenter: true, actions: 'answered' },
            CLOSED: { target: 'retrying', actions: 'gaveUp' },
          },
          after: { requestTimeout: { target: 'retrying', actions: 'gaveUp' } },
        },
        retrying: { after: { retry: 'held' } },
      },
    },
    sse: { initial: 'connecting', states: streamStates() },
    websocket: { initial: 'connecting', states: streamStates() },
  },
});

/** SSE and WebSocket share a shape: open the stream, listen, reopen it when it breaks. */
function streamStates() {
  return {
    connecting: {
      entry: ({ context }: { context: ClientInput }) => context.io.openStream(),
      on: {
        OPENED: {
          target: 'open',
          actions: ({ context, event }: { context: ClientInput; event: ClientEvent }) =>
            event.type === 'OPENED' && context.io.opened(event.conn),
        },
      },
      after: { requestTimeout: { target: 'reconnecting', actions: 'gaveUp' } },
    },
    open: {
      on: {
        PUSH: {
          actions: ({ context, event }: { context: ClientInput; event: ClientEvent }) =>
            event.type === 'PUSH' && context.io.pushed(event.postedAt),
        },
        CLOSED: {
          target: 'reconnecting',
          actions: ({ context }: { context: ClientInput }) => context.io.closed(),
        },
      },
    },
    reconnecting: { after: { retry: 'connecting' } },
  } as const;
}

/** Messages the server receives; `from` is added by the network. */
export type ServerEvent =
  | (PacketEvent & { from: number })
  | { type: 'POLL'; from: number; conn: number; hold: boolean; since: number }
  | { type: 'SUBSCRIBE'; from: number; conn: number; since: number }
  | { type: 'UPGRADE'; from: number; conn: number; since: number }
  | { type: 'POST'; from: number; conn: number; postedAt: number }
  | { type: 'WS_TEXT'; from: number; postedAt: number };

export interface ServerIO {
  handle(ev: ServerEvent): void;
}

/**
 * The feature's server. Its logic is per request and per connection (see
 * server.ts), so the machine has one state and routes every message there.
 */
export const serverMachine = setup({
  types: { context: {} as { io: ServerIO }, events: {} as ServerEvent, input: {} as { io: ServerIO } },
}).createMachine({
  id: 'server',
  initial: 'serving',
  context: ({ input }) => ({ io: input.io }),
  states: {
    serving: {
      on: {
        '*': { actions: ({ context, event }) => context.io.handle(event) },
      },
    },
  },
});
