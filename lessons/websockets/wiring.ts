import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { ParamsOf } from '../../src/lesson/params';
import type { Heartbeat, RoomSettings, WebSocketsApi } from './api';
import type { websocketsParams } from './index';
import { spawnClient } from './clients';
import { websocketsMetrics } from './metrics';
import { serverMachine } from './model';
import { createRoom } from './room';
import { HEALTHY_BYTES_PER_MS } from './roles';
import { DEAD_PEER_LIMIT_MS, memoryBudgetBytes, roleOfIndex } from './roles';

type Params = ParamsOf<typeof websocketsParams>;

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
  const m = new MetricWriter(sim.metrics, websocketsMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.1, loss: 0 };
  const settings = roomSettings(p);
  const heartbeat: Heartbeat =
    p.appHeartbeat === 'off'
      ? { pingIntervalMs: null, missedPongsAllowed: 1 }
      : checkHeartbeat(learner.heartbeat(settings));
  const clientIds: number[] = [];
  let diedAt: number | undefined;
  let serverId = -1;
  const room = createRoom(
    sim,
    m,
    () => serverId,
    {
      ...{ settings, heartbeat, connectionMemoryBytes: p.connectionMemoryKiB * 1024 },
      roleOf: (client) => roleOfIndex(p, clientIds.indexOf(client)),
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
  const setup = { sim, m, server: () => serverId, messageBytes: p.messageBytes };
  // Tabs open their WebSocket at a random moment in the first second, as people join a room.
  for (let i = 0; i < p.clients; i++)
    clientIds[i] = spawnClient(setup, i, roleOfIndex(p, i), opens.uniform(0, 1000));

  if (roleOfIndex(p, 0) === 'dead') {
    // The network vanishes (Wi-Fi gone, phone in a tunnel): no FIN, no RST, nothing.
    sim.scheduler.at(p.deadPeerAtMs, () => {
      sim.applyFault({ at: p.deadPeerAtMs, kind: 'partition', a: 'client-1', b: 'server' });
      if (!room.held(clientIds[0]!)) return;
      diedAt = sim.now;
      m.inc('deadPeers');
    });
    atEndOfRun(sim, p.durationMs, () => {
      const held = room.held(clientIds[0]!);
      if (diedAt === undefined || !held) return;
      m.inc('deadPeersUndetected');
      m.inc('deadPeerHeldBytes', held.buffer.bufferedBytes);
    });
  }

  // The room's chat: messages at Poisson times, each from a random tab. A closed
  // WebSocket object cannot send: only tabs whose machine still runs may post.
  const posts = sim.rng.fork('posts');
  poisson(sim.scheduler, posts, p.messagesPerSecond, () => {
    const ref = sim.ref(clientIds[posts.int(p.clients)]!);
    if (ref && ref.getSnapshot().status === 'active') ref.send({ type: 'SAY' });
  });
}
