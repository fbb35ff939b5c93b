import type { Rng } from '../../src/engine/random';
import type { Simulation } from '../../src/engine/sim';
import type { Transport } from '../../src/kit/transport/keep-alive';
import { frameHeaderBytes as wsFrameHeaderBytes } from '../../src/kit/protocol/websocket';
import type { Technique, WorkloadInfo } from './api';
import type { Meter } from './meter';
import { clientMachine, type ClientIO } from './model';
import type { RealtimeParams } from './params';
import { LONG_POLL_HOLD_MS, type FeatureServer } from './server';
import { CHAT_POSTS_PER_SECOND, NOTIFICATIONS_PER_SECOND } from './workloads';

/** Chrome's EventSource waits 3 s before reconnecting; the WebSocket pages here do the same. */
const RETRY_MS = 3000;

/** One feature (ticker, chat or notifications): its server, transport and the technique its pages use. */
export interface Feature {
  sim: Simulation;
  p: RealtimeParams;
  info: WorkloadInfo;
  technique: Technique;
  meter: Meter;
  transport: Transport;
  server: FeatureServer;
  serverId: number;
  pages: number[];
  random: Rng;
  every(ratePerSecond: number, fn: () => void, from?: number): void;
}

/** One user's page of a feature: it polls, streams or holds a WebSocket, as the technique says. */
export function spawnPage(f: Feature, user: number): void {
  const { sim, p, info, technique, meter, transport, server, random, every } = f;
  const w = info.name;
  const serverId = f.serverId;
  let self = -1;
  /** Updates of its feed the page has; it loads with the current state, so it starts at the feed's end. */
  let since = -1;
  let wsConn: number | undefined;
  /** Messages a WebSocket page typed while its connection was (re)opening; sent once it is open. */
  const unsent: number[] = [];
  const request = (type: 'POLL' | 'SUBSCRIBE' | 'UPGRADE', label: string, extra: object) =>
    transport.acquire(self, (conn) => {
      if (since < 0) since = server.feedLength(self);
      meter.inc('requests');
      meter.bytes(p.headerBytes, 0);
      sim.send(self, serverId, { type, conn: conn.id, since, ...extra }, label);
    });
  const delivered = (postedAt: number) => {
    meter.delivered(postedAt);
    since++;
  };
  // A masked text frame on the open connection: no request, no headers.
  const sendFrame = (postedAt: number) => {
    const overhead = wsFrameHeaderBytes(info.payloadBytes, true);
    meter.bytes(overhead, info.payloadBytes);
    meter.inc('upstreamOverheadBytes', overhead);
    sim.send(
      self,
      serverId,
      { type: 'WS_TEXT', postedAt },
      `frame (${overhead} + ${info.payloadBytes} B, masked)`,
    );
  };
  const io: ClientIO = {
    poll: (hold) => request('POLL', hold ? 'GET /updates (held)' : 'GET /updates', { hold }),
    answered: (conn, postedAt) => {
      transport.release(conn);
      postedAt.forEach(delivered);
    },
    openStream: () =>
      technique === 'sse'
        ? request('SUBSCRIBE', since > 0 ? `GET /events (Last-Event-ID: ${since})` : 'GET /events', {})
        : request('UPGRADE', 'GET /live (Upgrade: websocket)', {}),
    opened: (conn) => {
      if (technique !== 'websocket') return;
      wsConn = conn;
      unsent.splice(0).forEach(sendFrame);
    },
    closed: () => {
      wsConn = undefined;
    },
    pushed: delivered,
    say: () => {
      meter.inc('messagesSent');
      const payload = info.payloadBytes;
      if (technique === 'websocket') {
        if (wsConn === undefined) unsent.push(sim.now);
        else sendFrame(sim.now);
        return;
      }
      // Polling and SSE pages send with an ordinary POST (fetch), headers and all.
      const postedAt = sim.now;
      transport.acquire(self, (conn) => {
        meter.inc('requests');
        meter.bytes(p.headerBytes, payload);
        meter.inc('upstreamOverheadBytes', p.headerBytes);
        sim.send(self, serverId, { type: 'POST', conn: conn.id, postedAt }, 'POST /messages');
      });
    },
    posted: (conn) => transport.release(conn),
    packet: (ev) => transport.packet('client', ev),
    gaveUp: () => transport.abandon(self),
  };
  self = sim.spawn(`user-${user}-${w}`, 'client', clientMachine, {
    input: {
      io,
      technique,
      // Pages open at different moments within the first poll interval, so polls are not in step.
      openAfterMs: random.uniform(0, info.pollIntervalMs),
      pollIntervalMs: info.pollIntervalMs,
      requestTimeoutMs: LONG_POLL_HOLD_MS + 10 * p.latencyMs + 5000,
      retryMs: RETRY_MS,
    },
  });
  f.pages.push(self);
  const page = self;
  if (w === 'chat')
    every(CHAT_POSTS_PER_SECOND, () => sim.ref(page)?.send({ type: 'SAY' }), info.pollIntervalMs);
  if (w === 'notifications') every(NOTIFICATIONS_PER_SECOND, () => server.publish([page], sim.now));
}
