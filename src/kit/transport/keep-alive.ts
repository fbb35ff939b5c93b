import type { Task } from '../../engine/scheduler';
import type { Simulation } from '../../engine/sim';
import { handshakeFlights, piggybackedBytes, type Flight, type TlsVersion } from './handshake';

/** One TCP + TLS connection from a page to its feature's server. */
export interface Conn {
  id: number;
  client: number;
  /** dialing: handshake under way; idle: open, no request on it; busy: a request or stream on it. */
  state: 'dialing' | 'idle' | 'busy' | 'closed';
  /** When the client last saw it go idle. */
  idleSince: number;
  /** The server counts it open (from the TCP handshake's last ACK until it closes). */
  serverOpen: boolean;
  /** The server's keep-alive timer: it closes an idle connection when this fires. */
  keepAlive: Task | undefined;
  /** What the client sends once the handshake is done. */
  onReady: ((conn: Conn) => void) | undefined;
}

/** A handshake flight or a FIN, carried as an ordinary network message. */
export interface PacketEvent {
  [key: string]: unknown;
  type: 'PACKET';
  conn: number;
  /** Index into the handshake flights; -1 for the server's FIN. */
  flight: number;
}

/** What the transport reports; the lesson maps it to its metrics. */
export interface TransportHooks {
  /** A new connection starts its handshake of `roundTrips` round trips. */
  dialed(roundTrips: number): void;
  /** One handshake flight (or the server's FIN) of `bytes` left. */
  flightSent(bytes: number): void;
  /** The server holds one more (+1) or one fewer (-1) connection. */
  serverConnections(delta: number): void;
}

/** A FIN segment: 52 bytes with TCP timestamps, like a bare ACK. */
const FIN_BYTES = 52;

export interface TransportConfig {
  tls: TlsVersion;
  /** The server closes a connection idle this long (0: after every response). */
  keepAliveMs: number;
  latencyMs: number;
}

/**
 * HTTP/1.1 connections with keep-alive (the TCP and TLS handshakes sent as real
 * messages, so the space-time diagram shows each flight): a request goes on an idle open connection
 * if there is one, else on a new one after its TCP and TLS handshakes. The server
 * closes a connection that stays idle for `keepAliveMs`. A client does not reuse a
 * connection the server may be closing (its `Keep-Alive: timeout` response header
 * tells it when), so a request never races the server's FIN.
 */
export class Transport {
  private readonly conns = new Map<number, Conn>();
  private readonly flights: readonly Flight[];
  private nextId = 1;

  constructor(
    private readonly sim: Simulation,
    private readonly hooks: TransportHooks,
    private readonly server: () => number,
    private readonly cfg: TransportConfig,
  ) {
    this.flights = handshakeFlights(cfg.tls);
  }

  /** Client: runs `use` on a ready connection, opening one first if none is idle and fresh. */
  acquire(client: number, use: (conn: Conn) => void): void {
    const reuseWithin = this.cfg.keepAliveMs - 3 * this.cfg.latencyMs;
    for (const c of this.conns.values()) {
      if (c.client !== client || c.state !== 'idle') continue;
      if (this.sim.now - c.idleSince < reuseWithin) {
        c.state = 'busy';
        return use(c);
      }
      c.state = 'closed'; // the server is about to close it; leave it be
    }
    const conn: Conn = {
      id: this.nextId++,
      client,
      state: 'dialing',
      idleSince: 0,
      serverOpen: false,
      keepAlive: undefined,
      onReady: use,
    };
    this.conns.set(conn.id, conn);
    this.hooks.dialed(this.flights.length / 2);
    this.flight(conn, 0);
  }

  /** Client: a response is complete; the connection may carry the next request. */
  release(connId: number): void {
    const c = this.conns.get(connId);
    if (!c || c.state !== 'busy') return;
    c.state = 'idle';
    c.idleSince = this.sim.now;
  }

  /** Client: gives up on its connections (a request timed out): the next request dials afresh. */
  abandon(client: number): void {
    for (const c of this.conns.values()) if (c.client === client && c.state !== 'closed') c.state = 'closed';
  }

  /** Server: a request arrived on `connId`; whether that connection is still open. */
  requestArrived(connId: number): boolean {
    const c = this.conns.get(connId);
    if (!c?.serverOpen) return false;
    this.sim.scheduler.cancel(c.keepAlive);
    c.keepAlive = undefined;
    return true;
  }

  /** Server: its response on `connId` is complete; the keep-alive timer starts. */
  responded(connId: number): void {
    const c = this.conns.get(connId);
    if (!c?.serverOpen) return;
    this.sim.scheduler.cancel(c.keepAlive);
    c.keepAlive = this.sim.scheduler.after(this.cfg.keepAliveMs, () =>
      this.serverClose(c, 'FIN (keep-alive timeout)'),
    );
  }

  /** Server: its process died; the kernel resets every connection it held. */
  serverDown(): number[] {
    const clients: number[] = [];
    for (const c of this.conns.values()) {
      if (!c.serverOpen) continue;
      clients.push(c.client);
      this.serverClose(c, undefined);
    }
    return clients;
  }

  /** A PACKET arrived at `at` (the client or the server). */
  packet(at: 'client' | 'server', ev: PacketEvent): void {
    const c = this.conns.get(ev.conn);
    if (!c) return;
    if (ev.flight < 0) {
      this.conns.delete(c.id);
      return;
    }
    // accept() returns once the client's ACK (flight 2) has arrived: from then on the server holds the socket.
    if (at === 'server' && ev.flight === 2) {
      c.serverOpen = true;
      this.hooks.serverConnections(1);
    }
    if (ev.flight + 1 < this.flights.length) return this.flight(c, ev.flight + 1);
    if (at === 'client' && c.state === 'dialing') {
      c.state = 'busy';
      this.hooks.flightSent(piggybackedBytes(this.cfg.tls));
      const use = c.onReady;
      c.onReady = undefined;
      use?.(c);
    }
  }

  private flight(c: Conn, i: number): void {
    const server = this.server();
    const [from, to] = i % 2 === 0 ? [c.client, server] : [server, c.client];
    const ev: PacketEvent = { type: 'PACKET', conn: c.id, flight: i };
    const f = this.flights[i]!;
    this.hooks.flightSent(f.bytes);
    this.sim.send(from, to, ev, f.label);
  }

  private serverClose(c: Conn, fin: string | undefined): void {
    if (!c.serverOpen) return;
    c.serverOpen = false;
    this.sim.scheduler.cancel(c.keepAlive);
    this.hooks.serverConnections(-1);
    if (c.state !== 'closed') c.state = 'closed';
    if (fin) this.hooks.flightSent(FIN_BYTES);
    if (fin)
      this.sim.send(
        this.server(),
        c.client,
        { type: 'PACKET', conn: c.id, flight: -1 } satisfies PacketEvent,
        fin,
      );
    else this.conns.delete(c.id);
  }
}
