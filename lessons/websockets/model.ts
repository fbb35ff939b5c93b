import { setup } from 'xstate';

/** Messages a client receives from the server (over the network). */
export type ClientEvent =
  | { type: 'SYN_ACK' }
  | { type: 'SWITCHING_PROTOCOLS' }
  | { type: 'TEXT'; postedAt: number }
  | { type: 'PING' }
  | { type: 'CLOSE'; code: number }
  | { type: 'FIN' }
  /** Local: the user posts a chat message (the workload sends this, not the network). */
  | { type: 'SAY' };

/** What a client machine may do to the world (network, metrics). */
export interface ClientIO {
  sendSyn(): void;
  /** The last step of the TCP handshake, then the HTTP Upgrade request on the new connection. */
  sendAckAndUpgrade(): void;
  opened(): void;
  received(postedAt: number): void;
  sendText(): void;
  sendPong(): void;
  replyClose(code: number): void;
  closed(): void;
}

/**
 * A browser tab's WebSocket. The top-level states are the four values of the
 * browser's `readyState` (CONNECTING, OPEN, CLOSING, CLOSED; MDN). CONNECTING spans
 * the TCP three-way handshake and the HTTP Upgrade (RFC 6455 §4). The browser
 * answers pings by itself (RFC 6455 §5.5.2: "MUST send a Pong frame in response").
 * A WebSocket object never reopens: a new connection needs a new object.
 */
export const clientMachine = setup({
  types: {
    context: {} as { io: ClientIO; openAfterMs: number },
    events: {} as ClientEvent,
    input: {} as { io: ClientIO; openAfterMs: number },
  },
  delays: { pageLoad: ({ context }) => context.openAfterMs },
}).createMachine({
  id: 'client',
  initial: 'pageLoading',
  context: ({ input }) => ({ io: input.io, openAfterMs: input.openAfterMs }),
  states: {
    // Not a readyState: the tab exists but has not called `new WebSocket(url)` yet.
    pageLoading: { after: { pageLoad: 'CONNECTING' } },
    CONNECTING: {
      initial: 'tcpHandshake',
      on: { FIN: 'CLOSED' },
      states: {
        tcpHandshake: {
          entry: ({ context }) => context.io.sendSyn(),
          on: {
            SYN_ACK: { target: 'httpUpgrade', actions: ({ context }) => context.io.sendAckAndUpgrade() },
          },
        },
        httpUpgrade: {
          on: { SWITCHING_PROTOCOLS: '#client.OPEN' },
        },
      },
    },
    OPEN: {
      entry: ({ context }) => context.io.opened(),
      on: {
        TEXT: { actions: ({ context, event }) => context.io.received(event.postedAt) },
        SAY: { actions: ({ context }) => context.io.sendText() },
        PING: { actions: ({ context }) => context.io.sendPong() },
        // RFC 6455 §5.5.1: an endpoint that receives a Close frame sends a Close frame in response.
        CLOSE: { target: 'CLOSING', actions: ({ context, event }) => context.io.replyClose(event.code) },
        // The server's TCP connection ended without a Close frame (its process died).
        FIN: 'CLOSED',
      },
    },
    CLOSING: {
      // RFC 6455 §7.1.1: the server closes the TCP connection first.
      on: { FIN: 'CLOSED' },
    },
    CLOSED: {
      type: 'final',
      entry: ({ context }) => context.io.closed(),
    },
  },
});

/** Messages the server receives from clients; `from` is added by the network. */
export type ServerEvent =
  | { type: 'SYN'; from: number }
  | { type: 'ACK'; from: number }
  | { type: 'UPGRADE'; from: number }
  | { type: 'TEXT'; from: number; postedAt: number }
  | { type: 'PONG'; from: number }
  | { type: 'CLOSE'; from: number; code: number }
  /** The client's TCP connection ended (its tab or process died and its OS closed the socket). */
  | { type: 'FIN'; from: number };

export interface ServerIO {
  accept(client: number): void;
  upgrade(client: number): void;
  broadcast(sender: number, postedAt: number): void;
  pong(client: number): void;
  closeReply(client: number): void;
  clientGone(client: number): void;
  heartbeatTick(): void;
}

/**
 * The WebSocket server. Per-connection bookkeeping (send buffers, pings
 * outstanding) lives in the wiring; the machine routes events and, when the
 * heartbeat is on, ticks every ping interval on virtual time.
 */
export const serverMachine = setup({
  types: {
    context: {} as { io: ServerIO; pingIntervalMs: number | null },
    events: {} as ServerEvent,
    input: {} as { io: ServerIO; pingIntervalMs: number | null },
  },
  guards: { heartbeatOn: ({ context }) => context.pingIntervalMs !== null },
  delays: { pingInterval: ({ context }) => context.pingIntervalMs ?? 0 },
}).createMachine({
  id: 'server',
  initial: 'starting',
  context: ({ input }) => ({ io: input.io, pingIntervalMs: input.pingIntervalMs }),
  on: {
    SYN: { actions: ({ context, event }) => context.io.accept(event.from) },
    UPGRADE: { actions: ({ context, event }) => context.io.upgrade(event.from) },
    TEXT: { actions: ({ context, event }) => context.io.broadcast(event.from, event.postedAt) },
    PONG: { actions: ({ context, event }) => context.io.pong(event.from) },
    CLOSE: { actions: ({ context, event }) => context.io.closeReply(event.from) },
    FIN: { actions: ({ context, event }) => context.io.clientGone(event.from) },
  },
  states: {
    starting: { always: [{ guard: 'heartbeatOn', target: 'heartbeat' }, { target: 'serving' }] },
    serving: {},
    heartbeat: {
      after: {
        pingInterval: {
          target: 'heartbeat',
          reenter: true,
          actions: ({ context }) => context.io.heartbeatTick(),
        },
      },
    },
  },
});
