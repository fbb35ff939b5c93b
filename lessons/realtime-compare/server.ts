import type { Simulation } from '../../src/engine/sim';
import type { Task } from '../../src/engine/scheduler';
import type { Meter } from './meter';
import type { ClientEvent, ServerEvent } from './model';
import type { Transport } from '../../src/kit/transport/keep-alive';
import { chunkFramingBytes, sseFramingBytes } from '../../src/kit/protocol/http';
import { frameHeaderBytes as wsFrameHeaderBytes } from '../../src/kit/protocol/websocket';

/** How long a long poll is held before it is answered empty (the polling lesson's 30 s). */
export const LONG_POLL_HOLD_MS = 30_000;

export interface ServerConfig {
  payloadBytes: number;
  /** The feature's pages (filled as they are spawned); each has its own feed of updates. */
  clients: readonly number[];
}

interface Stream {
  conn: number;
  kind: 'sse' | 'websocket';
}

/**
 * One feature's server: it keeps each page's updates in order (a log per page),
 * answers polls (holding long ones), and pushes on open streams. `since` in a
 * request is how many of its updates the page already has (a cursor, like an SSE
 * Last-Event-ID or a poll's `?since=`), so nothing is lost or repeated.
 */
export class FeatureServer {
  private readonly logs = new Map<number, number[]>();
  private readonly held = new Map<number, { conn: number; since: number; timer: Task }>();
  private readonly streams = new Map<number, Stream>();

  constructor(
    private readonly sim: Simulation,
    private readonly self: () => number,
    private readonly transport: Transport,
    private readonly meter: Meter,
    private readonly cfg: ServerConfig,
  ) {}

  handle(ev: ServerEvent): void {
    if (ev.type === 'PACKET') return this.transport.packet('server', ev);
    if (ev.type === 'WS_TEXT') return this.broadcast(ev.from, ev.postedAt);
    if (!this.transport.requestArrived(ev.conn)) return;
    switch (ev.type) {
      case 'POLL':
        return this.poll(ev.from, ev.conn, ev.since, ev.hold);
      case 'SUBSCRIBE':
      case 'UPGRADE': {
        const kind = ev.type === 'SUBSCRIBE' ? 'sse' : 'websocket';
        this.send(
          ev.from,
          { type: 'OPENED', conn: ev.conn },
          kind === 'sse' ? '200 text/event-stream' : '101 Switching Protocols',
        );
        this.streams.set(ev.from, { conn: ev.conn, kind });
        this.sim.connection(ev.from, this.self(), true, kind === 'sse' ? 'SSE stream' : 'WebSocket');
        // Catch up on what the page missed while it was away, then stream live.
        this.log(ev.from)
          .slice(ev.since)
          .forEach((t, i) => this.push(ev.from, t, ev.since + i + 1));
        return;
      }
      case 'POST':
        this.send(ev.from, { type: 'POSTED', conn: ev.conn }, '201 Created');
        this.transport.responded(ev.conn);
        return this.broadcast(ev.from, ev.postedAt);
    }
  }

  /** A new update for `to` pages, published (or posted) at `postedAt`. */
  publish(to: readonly number[], postedAt: number): void {
    for (const c of to) {
      this.log(c).push(postedAt);
      this.meter.inc('updatesPublished');
      if (this.streams.has(c)) this.push(c, postedAt, this.log(c).length);
      const h = this.held.get(c);
      if (h) this.answer(c, h.conn, h.since);
    }
  }

  /** The process died: held requests and streams are gone, their pages see a reset. */
  crashed(): void {
    for (const h of this.held.values()) this.sim.scheduler.cancel(h.timer);
    this.held.clear();
    for (const c of this.streams.keys()) this.sim.connection(c, this.self(), false, 'reset');
    this.streams.clear();
    for (const c of new Set(this.transport.serverDown())) this.send(c, { type: 'CLOSED' }, 'RST');
  }

  /** How many updates page `c`'s feed holds: a page that just loaded starts after them. */
  feedLength(c: number): number {
    return this.log(c).length;
  }

  private log(c: number): number[] {
    let log = this.logs.get(c);
    if (!log) this.logs.set(c, (log = []));
    return log;
  }

  private broadcast(from: number, postedAt: number): void {
    this.publish(
      this.cfg.clients.filter((c) => c !== from),
      postedAt,
    );
  }

  private poll(c: number, conn: number, since: number, hold: boolean): void {
    if (this.log(c).length > since || !hold) return this.answer(c, conn, since);
    const timer = this.sim.scheduler.after(LONG_POLL_HOLD_MS, () => this.answer(c, conn, since));
    this.held.set(c, { conn, since, timer });
  }

  private answer(c: number, conn: number, since: number): void {
    const h = this.held.get(c);
    if (h) this.sim.scheduler.cancel(h.timer);
    this.held.delete(c);
    const postedAt = this.log(c).slice(since);
    if (postedAt.length === 0) this.meter.inc('emptyResponses');
    // Each answer is a full HTTP response: its headers were counted with the request.
    this.meter.bytes(0, postedAt.length * this.cfg.payloadBytes);
    this.meter.inc('updatesSent', postedAt.length);
    const label = postedAt.length
      ? `200 (${postedAt.length} update${postedAt.length > 1 ? 's' : ''})`
      : 'empty';
    this.send(c, { type: 'ANSWER', conn, postedAt }, label);
    this.transport.responded(conn);
  }

  /** Writes update number `id` (1, 2, ...) of page `c`'s feed on its stream. */
  private push(c: number, postedAt: number, id: number): void {
    const s = this.streams.get(c)!;
    const payload = this.cfg.payloadBytes;
    this.meter.inc('updatesSent');
    if (s.kind === 'websocket') {
      this.meter.bytes(wsFrameHeaderBytes(payload, false), payload);
      return this.send(
        c,
        { type: 'PUSH', postedAt },
        `frame (${wsFrameHeaderBytes(payload, false)} + ${payload} B)`,
      );
    }
    const event = sseFramingBytes(id) + payload;
    this.meter.bytes(sseFramingBytes(id) + chunkFramingBytes(event), payload);
    this.send(c, { type: 'PUSH', postedAt }, `id: ${id}`);
  }

  private send(to: number, ev: ClientEvent, label: string): void {
    this.sim.send(this.self(), to, ev, label);
  }
}
