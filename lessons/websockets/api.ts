/** The room your server policies run in. */
export interface RoomSettings {
  /** Browser tabs connected to the room. */
  clients: number;
  /** One-way network latency, ms (a ping's round trip takes at least twice this). */
  latencyMs: number;
  /** Chat messages posted in the whole room per second; each one is sent to every other client. */
  messagesPerSecond: number;
  /** Payload bytes of one chat message. */
  messageBytes: number;
  /** The goal: a silently dead client must be closed within this many ms. */
  deadPeerLimitMs: number;
  /** The goal: server memory must stay under this many bytes. */
  memoryBudgetBytes: number;
}

/**
 * The server's heartbeat. Every `pingIntervalMs` the server looks at each open
 * connection: if it has `missedPongsAllowed` pings in a row still unanswered, the
 * peer is declared dead and the connection is closed at once (no close handshake);
 * otherwise it sends one more ping. Any pong resets the count.
 * `pingIntervalMs: null` sends no pings at all.
 * (The `ws` library's README example is `{ pingIntervalMs: 30000, missedPongsAllowed: 1 }`.)
 */
export interface Heartbeat {
  pingIntervalMs: number | null;
  missedPongsAllowed: number;
}

/** One client connection as the server sees it when a message is about to be broadcast to it. */
export interface ClientConnection {
  /** The client's name, e.g. "client-2". */
  id: string;
  /** Bytes written to this connection and not yet acknowledged by the client (queued + in flight). */
  bufferedBytes: number;
  /** Bytes this message's frame takes on the wire (header + payload). */
  frameBytes: number;
  /** Messages this policy has already dropped for this client. */
  droppedSoFar: number;
  /** Pings sent to this client that have no pong yet. */
  pingsUnanswered: number;
  /** How long the connection has been open, ms. */
  openForMs: number;
}

/**
 * 'send': queue the frame (memory grows while the client lags).
 * 'drop': skip this message for this client only.
 * 'disconnect': discard what is queued and close the connection (status 1008).
 */
export type BroadcastAction = 'send' | 'drop' | 'disconnect';

export interface WebSocketsApi {
  /** Called once when the server starts. */
  heartbeat(settings: RoomSettings): Heartbeat;
  /** Called for every (message, recipient) pair of a broadcast. */
  onBroadcast(conn: ClientConnection, settings: RoomSettings): BroadcastAction;
}
