import type { Simulation } from '../../src/engine/sim';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { ParamsOf } from '../../src/lesson/params';
import type { Heartbeat, RoomSettings, WebSocketsApi } from './api';
import { frameBytes, UPGRADE_REQUEST } from '../../src/kit/protocol/websocket';
import type { websocketsParams } from './index';
import { clientMachine, serverMachine, type ClientIO } from './model';
import { createRoom, HEALTHY_BYTES_PER_MS, type Role } from './room';

type Params = ParamsOf<typeof websocketsParams>;

/** The dead-peer goal: the server must let go of a silently dead client within this long. */
export const DEAD_PEER_LIMIT_MS = 15_000;
/** Send-buffer allowance per connection in the memory budget: Linux's initial TCP send buffer (tcp_wmem default, 16K). */
export const SEND_ALLOWANCE_BYTES = 16 * 1024;

export function memoryBudgetBytes(p: Params): number {
  return p.clients * (p.connectionMemoryKiB * 1024 + SEND_ALLOWANCE_BYTES);
}

export function roomSettings(p: Params): RoomSettings {
  return {
    clients: p.clients,
    latencyMs: p.latencyMs,
    messagesPerSecond: p.messagesPerSecond,
    messageBytes: p.messageBytes,
    deadPeerLimitMs: DEAD_PEER_LIMIT_MS,
    memoryBudgetBytes: memoryBudgetBytes(p),
  };
}

function checkHeartbeat(h: Heartbeat): Heartbeat {
  const ok = h && typeof h === 'object';
  const interval = ok ? h.pingIntervalMs : undefined;
  if (interval !== null && !(typeof interval === 'number' && Number.isFinite(interval) && interval >= 100)) {
    learnerMistake(
      `heartbeat().pingIntervalMs must be null (no pings) or a number of ms >= 100; it is ${String(interval)}`,
    );
  }
  if (!Number.isInteger(h.missedPongsAllowed) || h.missedPongsAllowed < 1) {
    learnerMistake(
      `heartbeat().missedPongsAllowed must be a whole number >= 1; it is ${String(h.missedPongsAllowed)}`,
    );
  }
  return h;
}

/**
 * A live room: one WebSocket server and `clients` tabs. client-1's network vanishes
 * at `deadPeerAtMs` (no FIN ever arrives); client-2 sits behind a slow link.
 */
export function buildWebSockets(sim: Simulation, p: Params, learner: WebSocketsApi): void {
  const m = sim.metrics;
  m.declare(
    'framesSent',
    'bytesOnWire',
    'handshakes',
    'messagesPosted',
    'messagesDelivered',
    'messagesDropped',
    'messagesDroppedSlowClient',
    'messagesDroppedHealthy',
    'healthyDisconnects',
    'slowClientDisconnects',
    'deadPeersDetected',
    'deadPeersUndetected',
    'deadPeerHeldBytes',
    'pingsSent',
    'pongsReceived',
    'textFramesFromClients',
    'textBytesFromClients',
  );
  m.declareSummary('deliveryLatencyMs', 'healthyDeliveryLatencyMs', 'deadPeerDetectionMs');
  m.set('serverMemoryBytes', 0);
  m.set('openConnections', 0);
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.1, loss: 0 };

  const settings = roomSettings(p);
  const heartbeat: Heartbeat =
    p.appHeartbeat === 'off'
      ? { pingIntervalMs: null, missedPongsAllowed: 1 }
      : checkHeartbeat(learner.heartbeat(settings));
  const deadEnabled = p.deadPeerAtMs < p.durationMs;
  const clientIds: number[] = [];
  const roleOfIndex = (i: number): Role => (i === 0 && deadEnabled ? 'dead' : i === 1 ? 'slow' : 'healthy');
  let diedAt: number | undefined;
  let serverId = -1;

  const room = createRoom(
    sim,
    () => serverId,
    {
      settings,
      heartbeat,
      connectionMemoryBytes: p.connectionMemoryKiB * 1024,
      roleOf: (client) => roleOfIndex(clientIds.indexOf(client)),
      bytesPerMs: (role) => (role === 'slow' ? p.slowClientKBps : HEALTHY_BYTES_PER_MS),
      deadSince: () => diedAt,
    },
    learner,
  );
  serverId = sim.spawn('server', 'server', serverMachine, {
    input: { io: room.io, pingIntervalMs: heartbeat.pingIntervalMs },
    onCrash: () => room.serverCrashed(),
  });

  const opens = sim.rng.fork('client-open');
  for (let i = 0; i < p.clients; i++) {
    const role = roleOfIndex(i);
    let self = -1;
    const send = (type: string, payload: number, label: string, extra: Record<string, unknown> = {}) => {
      const bytes = frameBytes(payload, true);
      m.inc('framesSent');
      m.inc('bytesOnWire', bytes);
      sim.send(self, serverId, { type, ...extra }, label);
      return bytes;
    };
    const io: ClientIO = {
      sendSyn: () => sim.send(self, serverId, { type: 'SYN' }, 'SYN'),
      sendAckAndUpgrade: () => {
        sim.send(self, serverId, { type: 'ACK' }, 'ACK');
        m.inc('bytesOnWire', UPGRADE_REQUEST.length);
        sim.send(self, serverId, { type: 'UPGRADE' }, 'GET /room Upgrade: websocket');
      },
      opened: () => m.inc('handshakes'),
      received: (postedAt) => {
        m.inc('messagesDelivered');
        m.observe('deliveryLatencyMs', sim.now - postedAt);
        if (role === 'healthy') m.observe('healthyDeliveryLatencyMs', sim.now - postedAt);
      },
      sendText: () => {
        m.inc('messagesPosted');
        const bytes = send('TEXT', p.messageBytes, `text (${frameBytes(p.messageBytes, true)} B, masked)`, {
          postedAt: sim.now,
        });
        m.inc('textFramesFromClients');
        m.inc('textBytesFromClients', bytes);
      },
      sendPong: () => send('PONG', 0, 'pong'),
      replyClose: (code) => send('CLOSE', 2, `close ${code}`, { code }),
      closed: () => undefined,
    };
    // Every tab exists from the start (so faults can name it) and opens its WebSocket at
    // a random moment in the first second, as people join a room.
    self = sim.spawn(`client-${i + 1}`, 'client', clientMachine, {
      input: { io, openAfterMs: opens.uniform(0, 1000) },
      // A crashed tab's OS closes its socket: the server gets a FIN one latency later.
      onCrash: () => {
        if (!sim.net.isPartitioned(self, serverId))
          sim.send(self, serverId, { type: 'FIN' }, 'FIN (tab closed)');
      },
    });
    clientIds[i] = self;
  }

  if (deadEnabled) {
    // The network vanishes (Wi-Fi gone, phone in a tunnel): no FIN, no RST, nothing.
    sim.scheduler.at(p.deadPeerAtMs, () => {
      const id = clientIds[0] as number;
      sim.applyFault({ at: p.deadPeerAtMs, kind: 'partition', a: 'client-1', b: 'server' });
      if (room.held(id)) diedAt = sim.now;
    });
    sim.scheduler.at(p.durationMs, () => {
      const held = room.held(clientIds[0] as number);
      if (diedAt === undefined || !held) return;
      m.inc('deadPeersUndetected');
      m.inc('deadPeerHeldBytes', held.buffer.bufferedBytes);
    });
  }

  // The room's chat: messages at Poisson times, each from a random tab.
  const posts = sim.rng.fork('posts');
  const gap = 1000 / p.messagesPerSecond;
  const post = () => {
    // A closed WebSocket object cannot send: only tabs whose machine still runs may post.
    const ref = sim.ref(clientIds[posts.int(p.clients)] as number);
    if (ref && ref.getSnapshot().status === 'active') ref.send({ type: 'SAY' });
    sim.scheduler.after(posts.exponential(gap), post);
  };
  sim.scheduler.after(posts.exponential(gap), post);
}
