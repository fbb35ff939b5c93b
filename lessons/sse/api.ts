/** One event of the feed's log, as the server can read it back for a replay. */
export interface StoredEvent {
  /** The event's `id:` field: its position in the log, 1, 2, 3, ... */
  id: number;
  /** Virtual time (ms) the event was published. */
  publishedAt: number;
}

/** What the server knows when a tab opens a stream. */
export interface StreamRequest {
  /** The request's Last-Event-ID header: the id of the last event the tab received, or null on a first connection. */
  lastEventId: number | null;
  /** The newest events of the log, oldest first: the server's bounded replay window (replayBufferSize events). */
  recent: readonly StoredEvent[];
}

/** Server: the events to send on a new stream before the live ones (taken from `recent`, in the order to send). */
export type Replay = (request: StreamRequest) => readonly StoredEvent[];

/** What the tab knows when its stream has closed or a connection attempt has failed. */
export interface ReconnectInfo {
  /** 1 for the first attempt after the stream closed, 2 if that attempt failed too, and so on. */
  attempt: number;
  /** The reconnection time the server set with its `retry:` field, ms. */
  retryMs: number;
  /** 'dropped': an open stream closed; 'failed': a connection attempt failed. */
  reason: 'dropped' | 'failed';
  /** The id of the last event this tab received (sent as Last-Event-ID), or null. */
  lastEventId: number | null;
}

/** Browser tab: how long (ms, >= 0) to wait before connecting again. */
export type ReconnectDelay = (info: ReconnectInfo) => number;

export interface SseApi {
  replay: Replay;
  reconnectDelay: ReconnectDelay;
}
