import type { Simulation } from '../../src/engine/sim';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { RealtimeCompareApi, Technique, WorkloadInfo, WorkloadName } from './api';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { Meter } from './meter';
import { realtimeMetrics } from './metrics';
import { clientMachine, serverMachine, type ClientIO, type ServerEvent } from './model';
import type { RealtimeParams } from './params';
import { FeatureServer, LONG_POLL_HOLD_MS } from './server';
import { Transport } from '../../src/kit/transport/keep-alive';
import { frameHeaderBytes as wsFrameHeaderBytes } from '../../src/kit/protocol/websocket';
import { CHAT_POSTS_PER_SECOND, NOTIFICATIONS_PER_SECOND, WORKLOADS, workloadInfo } from './workloads';

export const TECHNIQUES: readonly Technique[] = ['short', 'long', 'sse', 'websocket'];
/** Chrome's EventSource waits 3 s before reconnecting; the WebSocket pages here do the same. */
const RETRY_MS = 3000;

function checked(t: unknown, w: WorkloadName): Technique {
  if (TECHNIQUES.includes(t as Technique)) return t as Technique;
  return learnerMistake(
    `chooseTechnique must return 'short', 'long', 'sse' or 'websocket' for the ${w} workload; it returned ${JSON.stringify(t)}`,
  );
}

/** The three features side by side, each with its own server and its users' pages. */
export function buildRealtimeCompare(sim: Simulation, p: RealtimeParams, learner: RealtimeCompareApi): void {
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.1, loss: 0 };
  const m = new MetricWriter(sim.metrics, realtimeMetrics, () => sim.now);
  const features = WORKLOADS.map((w) => {
    const info = workloadInfo(w, p);
    const technique =
      p.override === 'code' ? checked(learner.chooseTechnique(structuredClone(info)), w) : p.override;
    m.inc('technique', TECHNIQUES.indexOf(technique), w);
    return buildFeature(
      sim,
      p,
      info,
      technique,
      new Meter(m, w, p.connectionMemoryKiB * 1024, () => sim.now),
    );
  });
  for (let u = 1; u <= p.clients; u++) for (const f of features) f.spawnPage(u);
  atEndOfRun(sim, p.durationMs, () => m.settle());
}

function buildFeature(
  sim: Simulation,
  p: RealtimeParams,
  info: WorkloadInfo,
  technique: Technique,
  meter: Meter,
) {
  const w = info.name;
  let serverId = -1;
  const hooks = {
    dialed: (roundTrips: number) => {
      meter.inc('handshakes');
      meter.inc('handshakeRoundTrips', roundTrips);
    },
    flightSent: (bytes: number) => meter.handshakeBytes(bytes),
    serverConnections: (d: number) => meter.connections(d),
  };
  const transport = new Transport(sim, hooks, () => serverId, {
    tls: p.tls,
    keepAliveMs: p.keepAliveTimeoutMs,
    latencyMs: p.latencyMs,
  });
  const pages: number[] = [];
  const server = new FeatureServer(sim, () => serverId, transport, meter, {
    payloadBytes: info.payloadBytes,
    clients: pages,
  });
  serverId = sim.spawn(`${w}-server`, 'server', serverMachine, {
    input: { io: { handle: (ev: ServerEvent) => server.handle(ev) } },
    onCrash: () => server.crashed(),
  });
  const random = sim.rng.fork(w);
  const every = (ratePerSecond: number, fn: () => void, from = 0) =>
    poisson(sim.scheduler, random, ratePerSecond, fn, from);
  if (w === 'ticker') every(info.serverToClientPerSecond, () => server.publish(pages, sim.now));

  const spawnPage = (user: number) => {
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
    pages.push(self);
    const page = self;
    if (w === 'chat')
      every(CHAT_POSTS_PER_SECOND, () => sim.ref(page)?.send({ type: 'SAY' }), info.pollIntervalMs);
    if (w === 'notifications') every(NOTIFICATIONS_PER_SECOND, () => server.publish([page], sim.now));
  };
  return { spawnPage };
}
