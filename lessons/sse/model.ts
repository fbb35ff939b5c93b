import { assign, setup } from 'xstate';
import type { ReconnectInfo } from './api';

/** What a tab's machine asks of the world outside it (browser connections, network, metrics, learner code). */
export interface TabIO {
  /** Asks the browser for a connection that can carry a new stream (it may have to wait for one). */
  requestSocket(stream: number): void;
  /** Sends `GET /events` (with Last-Event-ID when known) on the granted connection. */
  sendRequest(stream: number, lastEventId: number | null): void;
  /** The 200 response arrived: the stream is open. `primedId` is the id the server opened it with, if any. */
  opened(stream: number, primedId: number | null): void;
  receive(id: number): void;
  /** The reconnection timer fired: a new attempt starts. */
  reconnecting(): void;
  /** The reconnect policy (learner code). */
  delay(info: ReconnectInfo): number;
}

export type TabEvent =
  | { type: 'SOCKET'; stream: number }
  | { type: 'OPENED'; stream: number; retryMs: number; id: number | null }
  | { type: 'EVENT'; stream: number; id: number }
  | { type: 'CLOSED'; stream: number };

export interface TabContext {
  io: TabIO;
  /** How long the page takes to load before its script creates the EventSource. */
  loadMs: number;
  /** Number of the current connection attempt; messages of older streams are ignored. */
  stream: number;
  /** EventSource's "last event ID string", sent as the Last-Event-ID header. */
  lastEventId: number | null;
  /** Reconnection time: the browser's default until the server sends `retry:`. */
  retryMs: number;
  attempt: number;
  reason: ReconnectInfo['reason'];
  delay: number;
}

const sameStream = ({ context, event }: { context: TabContext; event: TabEvent }) =>
  event.stream === context.stream;

/**
 * One browser tab's EventSource, from page load on. readyState CONNECTING covers `connecting`
 * (getting a connection: waiting for a free one of the browser's six, which DevTools shows
 * as "stalled", or opening a new one with TCP and TLS), `requesting` (GET sent)
 * and `waiting` (the reconnection timer); OPEN is `open`.
 */
export const clientMachine = setup({
  types: {
    context: {} as TabContext,
    events: {} as TabEvent,
    input: {} as { io: TabIO; retryMs: number; loadMs: number },
  },
  guards: { sameStream },
  delays: { reconnectDelay: ({ context }) => context.delay, pageLoad: ({ context }) => context.loadMs },
}).createMachine({
  id: 'client',
  initial: 'loading',
  context: ({ input }) => ({
    ...input,
    stream: 0,
    lastEventId: null,
    attempt: 0,
    reason: 'dropped',
    delay: 0,
  }),
  states: {
    loading: { after: { pageLoad: 'connecting' } },
    connecting: {
      entry: [
        assign({ stream: ({ context }) => context.stream + 1 }),
        ({ context }) => context.io.requestSocket(context.stream),
      ],
      on: {
        SOCKET: { guard: 'sameStream', target: 'requesting' },
        CLOSED: { guard: 'sameStream', target: 'waiting', actions: assign({ reason: 'failed' as const }) },
      },
    },
    requesting: {
      entry: ({ context }) => context.io.sendRequest(context.stream, context.lastEventId),
      on: {
        OPENED: {
          guard: 'sameStream',
          target: 'open',
          actions: [
            assign(({ context, event }) => ({
              retryMs: event.retryMs,
              attempt: 0,
              lastEventId: event.id ?? context.lastEventId,
            })),
            ({ context, event }) => context.io.opened(context.stream, event.id),
          ],
        },
        CLOSED: { guard: 'sameStream', target: 'waiting', actions: assign({ reason: 'failed' as const }) },
      },
    },
    open: {
      on: {
        EVENT: {
          guard: 'sameStream',
          actions: [
            assign({ lastEventId: ({ event }) => event.id }),
            ({ context, event }) => context.io.receive(event.id),
          ],
        },
        CLOSED: { guard: 'sameStream', target: 'waiting', actions: assign({ reason: 'dropped' as const }) },
      },
    },
    waiting: {
      entry: assign(({ context }) => {
        const attempt = context.attempt + 1;
        const info: ReconnectInfo = {
          attempt,
          retryMs: context.retryMs,
          reason: context.reason,
          lastEventId: context.lastEventId,
        };
        return { attempt, delay: context.io.delay(info) };
      }),
      after: {
        reconnectDelay: { target: 'connecting', actions: ({ context }) => context.io.reconnecting() },
      },
    },
  },
});

export interface StreamRequest {
  tab: number;
  stream: number;
  conn: number;
  lastEventId: number | null;
}

/** What the server's machine asks of the world outside it. */
export interface ServerIO {
  /** Answers a queued request (200, `retry:`, the replay); false if its connection is gone meanwhile. */
  accept(request: StreamRequest): boolean;
  /** Writes one event on a tab's stream; false if the connection turned out to be broken. */
  push(tab: number, stream: number, id: number): boolean;
  setQueue(n: number): void;
}

export type ServerEvent =
  | ({ type: 'CONNECT'; from: number } & Omit<StreamRequest, 'tab'>)
  | { type: 'PUBLISH'; id: number }
  | { type: 'STREAM_CLOSED'; tab: number; stream: number };

interface ServerContext {
  io: ServerIO;
  setupMs: number;
  /** Requests waiting to be set up, oldest first. */
  queue: StreamRequest[];
  /** Open streams: tab -> stream number. Memory only: a restart forgets them. */
  streams: Map<number, number>;
}

/**
 * The SSE endpoint. Setting up a stream (authenticating the request, reading the
 * replay from the log) takes `setupMs` and is done one request at a time, so a burst
 * of reconnects waits in a queue. Each published event is written to every open stream.
 */
export const serverMachine = setup({
  types: {
    context: {} as ServerContext,
    events: {} as ServerEvent,
    input: {} as { io: ServerIO; setupMs: number },
  },
  guards: { hasQueued: ({ context }) => context.queue.length > 0 },
  delays: { setup: ({ context }) => context.setupMs },
  actions: {
    enqueue: ({ context, event }) => {
      if (event.type !== 'CONNECT') return;
      context.queue.push({
        tab: event.from,
        stream: event.stream,
        conn: event.conn,
        lastEventId: event.lastEventId,
      });
      context.io.setQueue(context.queue.length);
    },
    acceptHead: ({ context }) => {
      const req = context.queue.shift();
      context.io.setQueue(context.queue.length);
      if (req && context.io.accept(req)) context.streams.set(req.tab, req.stream);
    },
    broadcast: ({ context, event }) => {
      if (event.type !== 'PUBLISH') return;
      for (const [tab, stream] of context.streams)
        if (!context.io.push(tab, stream, event.id)) context.streams.delete(tab);
    },
    forget: ({ context, event }) => {
      if (event.type !== 'STREAM_CLOSED') return;
      if (context.streams.get(event.tab) === event.stream) context.streams.delete(event.tab);
      context.queue = context.queue.filter((r) => !(r.tab === event.tab && r.stream === event.stream));
      context.io.setQueue(context.queue.length);
    },
  },
}).createMachine({
  id: 'server',
  initial: 'idle',
  context: ({ input }) => ({ io: input.io, setupMs: input.setupMs, queue: [], streams: new Map() }),
  on: {
    CONNECT: { actions: 'enqueue' },
    PUBLISH: { actions: 'broadcast' },
    STREAM_CLOSED: { actions: 'forget' },
  },
  states: {
    idle: { always: { guard: 'hasQueued', target: 'accepting' } },
    accepting: { after: { setup: { target: 'idle', actions: 'acceptHead' } } },
  },
});
