import { H1_MAX_CONNECTIONS_PER_ORIGIN, H2_MAX_CONCURRENT_STREAMS } from '../protocol/http';

/** One TCP (+TLS) connection from a browser to the origin. */
export interface Conn {
  id: number;
  up: boolean;
  /** Handshake done: streams can be sent on it. */
  established: boolean;
  /** Streams riding on it: tab actor id -> that tab's stream number. */
  streams: Map<number, number>;
}

export interface ConnHooks {
  newId(): number;
  /** Open a new connection (the handshake); the caller later calls `established` or breaks it. */
  dial(conn: Conn): void;
  /** A tab may now send its request on `conn`. */
  grant(conn: Conn, tab: number, stream: number): void;
  /** `tab` started (+1) or stopped (-1) waiting for a connection. */
  waitingChanged(delta: number, tab: number): void;
}

/**
 * One browser's connections to one origin (a SimPy-style resource: requests wait in
 * FIFO order for a slot, a released slot goes to the first waiter). With HTTP/1.1 a connection carries one
 * request at a time and the browser opens at most 6 per origin, so a 7th long-lived
 * stream waits for one to close. With HTTP/2 one connection multiplexes up to the
 * server's SETTINGS_MAX_CONCURRENT_STREAMS streams.
 */
export class OriginPool {
  readonly conns: Conn[] = [];
  private readonly waiting: { tab: number; stream: number }[] = [];

  private readonly maxConns: number;
  private readonly streamsPerConn: number;

  constructor(
    http: '1.1' | '2',
    private readonly hooks: ConnHooks,
  ) {
    this.maxConns = http === '1.1' ? H1_MAX_CONNECTIONS_PER_ORIGIN : 1;
    this.streamsPerConn = http === '1.1' ? 1 : H2_MAX_CONCURRENT_STREAMS;
  }

  /** Streams waiting for a connection. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** Whether the tab's stream is waiting for a connection (HTTP/1.1 beyond 6). */
  isWaiting(tab: number): boolean {
    return this.waiting.some((w) => w.tab === tab);
  }

  /** Tabs waiting for a connection, oldest first. */
  waitingTabs(): number[] {
    return this.waiting.map((w) => w.tab);
  }

  /** A tab wants to open a stream: attach it to a connection with room, open one, or queue it. */
  request(tab: number, stream: number): void {
    const withRoom = this.conns.find((c) => c.streams.size < this.streamsPerConn);
    if (withRoom) {
      withRoom.streams.set(tab, stream);
      if (withRoom.established) this.hooks.grant(withRoom, tab, stream);
      return;
    }
    if (this.conns.length < this.maxConns) {
      const conn: Conn = {
        id: this.hooks.newId(),
        up: true,
        established: false,
        streams: new Map([[tab, stream]]),
      };
      this.conns.push(conn);
      this.hooks.dial(conn);
      return;
    }
    this.waiting.push({ tab, stream });
    this.hooks.waitingChanged(1, tab);
  }

  established(conn: Conn): void {
    conn.established = true;
    for (const [tab, stream] of [...conn.streams]) if (conn.up) this.hooks.grant(conn, tab, stream);
  }

  /** Forgets a connection that closed or broke (call `serveWaiting` once its tabs are told). */
  remove(conn: Conn): void {
    conn.up = false;
    const i = this.conns.indexOf(conn);
    if (i >= 0) this.conns.splice(i, 1);
  }

  /**
   * A tab went away (its page closed). Its queued request is cancelled; its stream
   * ends. Returns the connection when that closes with it (HTTP/1.1: the browser
   * closes a connection whose response it no longer wants).
   */
  release(tab: number): Conn | undefined {
    const w = this.waiting.findIndex((x) => x.tab === tab);
    if (w >= 0) {
      this.waiting.splice(w, 1);
      this.hooks.waitingChanged(-1, tab);
    }
    const conn = this.conns.find((c) => c.streams.has(tab));
    if (!conn) return undefined;
    conn.streams.delete(tab);
    if (this.streamsPerConn === 1) return conn;
    this.serveWaiting();
    return undefined;
  }

  connOf(tab: number): Conn | undefined {
    return this.conns.find((c) => c.streams.has(tab));
  }

  serveWaiting(): void {
    while (
      this.waiting.length > 0 &&
      (this.conns.length < this.maxConns || this.conns.some((c) => c.streams.size < this.streamsPerConn))
    ) {
      const next = this.waiting.shift()!;
      this.hooks.waitingChanged(-1, next.tab);
      this.request(next.tab, next.stream);
    }
  }
}
