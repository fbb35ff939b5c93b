import type { Task } from '../../src/engine/scheduler';
import type { Simulation } from '../../src/engine/sim';
import { recordDrop } from '../../src/kit/drops';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { BroadcastAction, ClientConnection, Heartbeat, RoomSettings, WebSocketsApi } from './api';
import {
  CLOSE_PAYLOAD_BYTES,
  CLOSE_POLICY_VIOLATION,
  frameBytes,
  UPGRADE_RESPONSE,
} from '../../src/kit/protocol/websocket';
import type { websocketsMetrics } from './metrics';
import type { ServerIO } from './model';
import { SendBuffer, type OutFrame } from '../../src/kit/transport/send-buffer';

import type { Role } from './roles';

interface Conn {
  client: number;
  name: string;
  role: Role;
  buffer: SendBuffer;
  openedAt: number;
  pingsUnanswered: number;
  dropped: number;
  closing: Task | undefined;
}

/** How long the server waits for the client's Close frame before dropping the TCP connection anyway. */
const CLOSE_TIMEOUT_MS = 5000;

export interface RoomConfig {
  settings: RoomSettings;
  heartbeat: Heartbeat;
  connectionMemoryBytes: number;
  roleOf(client: number): Role;
  bytesPerMs(role: Role): number;
  /** When the dead client's network vanished, if it has. */
  deadSince(): number | undefined;
}

function checkAction(a: unknown): BroadcastAction {
  if (a === 'send' || a === 'drop' || a === 'disconnect') return a;
  return learnerMistake(
    `onBroadcast must return 'send', 'drop' or 'disconnect'; it returned ${JSON.stringify(a)}`,
  );
}

/**
 * The server's side of every connection: accepting, upgrading, broadcasting through
 * per-connection send buffers, the heartbeat, closing, and the memory all of it holds.
 */
export function createRoom(
  sim: Simulation,
  m: MetricWriter<typeof websocketsMetrics>,
  server: () => number,
  cfg: RoomConfig,
  learner: WebSocketsApi,
) {
  const conns = new Map<number, Conn>();
  let buffered = 0;
  const latency = sim.net.defaults.latencyMs;

  const memory = () => {
    m.set('openConnections', conns.size);
    m.set('serverMemoryBytes', conns.size * cfg.connectionMemoryBytes + buffered);
  };
  /** Queues a frame on a connection (a broadcast queues one shared frame on every connection). */
  const queue = (c: Conn, f: OutFrame) => {
    m.inc('framesSent');
    m.inc('bytesOnWire', f.bytes);
    c.buffer.push(f);
  };
  const frame = (
    c: Conn,
    type: string,
    payload: number,
    label: string,
    extra: Record<string, unknown> = {},
  ) => queue(c, { bytes: frameBytes(payload, false), label, event: { type, ...extra } });

  /** The connection is gone from the server: its state and buffers are freed. */
  const release = (c: Conn, why: string) => {
    if (conns.get(c.client) !== c) return;
    sim.scheduler.cancel(c.closing);
    conns.delete(c.client);
    c.buffer.discard();
    sim.connection(c.client, server(), false, why);
    const diedAt = cfg.deadSince();
    if (c.role === 'dead' && diedAt !== undefined) {
      m.inc('deadPeersDetected');
      m.observe('deadPeerDetectionMs', sim.now - diedAt);
    }
    memory();
  };
  /** Counts connections the server itself decided to end, by who they really were. */
  const serverEnded = (c: Conn) => {
    if (c.role === 'healthy') m.inc('healthyDisconnects');
    if (c.role === 'slow') m.inc('slowClientDisconnects');
  };
  /** Like the `ws` library's terminate(): no close handshake, the socket is destroyed. */
  const terminate = (c: Conn, why: string) => {
    serverEnded(c);
    release(c, why);
  };
  /** A clean close (RFC 6455 §7): drop what is queued, send Close 1008, wait for the client's Close. */
  const disconnect = (c: Conn) => {
    serverEnded(c);
    c.buffer.dropQueued();
    frame(c, 'CLOSE', CLOSE_PAYLOAD_BYTES, `close ${CLOSE_POLICY_VIOLATION}`, {
      code: CLOSE_POLICY_VIOLATION,
    });
    c.closing = sim.scheduler.after(CLOSE_TIMEOUT_MS, () => release(c, 'close timeout'));
  };

  const io: ServerIO = {
    accept: (client) => {
      sim.send(server(), client, { type: 'SYN_ACK' }, 'SYN-ACK');
    },
    upgrade: (client) => {
      const old = conns.get(client);
      if (old) release(old, 'replaced');
      const role = cfg.roleOf(client);
      const rtt = 2 * latency;
      const c: Conn = {
        client,
        name: sim.actors[client]?.name ?? String(client),
        role,
        openedAt: sim.now,
        pingsUnanswered: 0,
        dropped: 0,
        closing: undefined,
        buffer: new SendBuffer(sim, server(), client, cfg.bytesPerMs(role), rtt, {
          onBytes: (d) => {
            buffered += d;
            memory();
          },
          onGiveUp: () => terminate(c, 'TCP gave up (tcp_retries2)'),
        }),
      };
      conns.set(client, c);
      m.inc('bytesOnWire', UPGRADE_RESPONSE.length);
      sim.send(server(), client, { type: 'SWITCHING_PROTOCOLS' }, '101 Switching Protocols');
      sim.connection(client, server(), true, 'WebSocket');
      memory();
    },
    broadcast: (sender, postedAt) => {
      if (!conns.has(sender)) return;
      const payload = cfg.settings.messageBytes;
      const bytes = frameBytes(payload, false);
      // One frame object for every recipient: each send buffer queues a reference to it
      // (the bytes each buffer holds are still counted per connection). A Node server
      // writing one Buffer to many sockets likewise queues references to the same bytes
      // (stream.Writable keeps the chunk it was given until it is flushed).
      let text: OutFrame | undefined;
      for (const c of [...conns.values()]) {
        if (c.client === sender || c.closing) continue;
        const view: ClientConnection = {
          id: c.name,
          bufferedBytes: c.buffer.bufferedBytes,
          frameBytes: bytes,
          droppedSoFar: c.dropped,
          pingsUnanswered: c.pingsUnanswered,
          openForMs: sim.now - c.openedAt,
        };
        const action = checkAction(learner.onBroadcast(view, cfg.settings));
        if (action === 'send')
          queue(c, (text ??= { bytes, label: `text (${bytes} B)`, event: { type: 'TEXT', postedAt } }));
        else if (action === 'disconnect') disconnect(c);
        else {
          c.dropped++;
          m.inc('messagesDropped');
          recordDrop(sim, server(), c.client, 'dropped by the server (onBroadcast)');
          if (c.role === 'slow') m.inc('messagesDroppedSlowClient');
          if (c.role === 'healthy') m.inc('messagesDroppedHealthy');
        }
      }
    },
    pong: (client) => {
      const c = conns.get(client);
      if (!c) return;
      c.pingsUnanswered = 0;
      m.inc('pongsReceived');
    },
    closeReply: (client) => {
      const c = conns.get(client);
      if (!c) return;
      sim.send(server(), client, { type: 'FIN' }, 'FIN');
      release(c, `closed ${CLOSE_POLICY_VIOLATION}`);
    },
    clientGone: (client) => {
      const c = conns.get(client);
      if (c) release(c, 'client closed TCP');
    },
    heartbeatTick: () => {
      for (const c of [...conns.values()]) {
        if (c.closing) continue;
        if (c.pingsUnanswered >= cfg.heartbeat.missedPongsAllowed) {
          terminate(c, `no pong to ${c.pingsUnanswered} ping${c.pingsUnanswered > 1 ? 's' : ''}`);
          continue;
        }
        c.pingsUnanswered++;
        m.inc('pingsSent');
        frame(c, 'PING', 0, 'ping');
      }
    },
  };

  return {
    io,
    /** The server process died: its OS closes every socket (each client gets a FIN). */
    serverCrashed: () => {
      for (const c of [...conns.values()]) {
        sim.send(server(), c.client, { type: 'FIN' }, 'FIN (server died)');
        release(c, 'server died');
      }
    },
    held: (client: number) => conns.get(client),
  };
}
