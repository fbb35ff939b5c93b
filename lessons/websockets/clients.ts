import type { Simulation } from '../../src/engine/sim';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { frameBytes, UPGRADE_REQUEST } from '../../src/kit/protocol/websocket';
import type { websocketsMetrics } from './metrics';
import { clientMachine, type ClientIO } from './model';
import type { Role } from './roles';

export interface ClientSetup {
  sim: Simulation;
  m: MetricWriter<typeof websocketsMetrics>;
  server: () => number;
  messageBytes: number;
}

/**
 * One tab of the room. It exists from the start (so faults can name it) and opens its
 * WebSocket at `openAfterMs`: SYN, then ACK and the HTTP Upgrade (RFC 6455 §1.3).
 */
export function spawnClient(s: ClientSetup, i: number, role: Role, openAfterMs: number): number {
  const { sim, m, server } = s;
  let self = -1;
  const send = (type: string, payload: number, label: string, extra: Record<string, unknown> = {}) => {
    const bytes = frameBytes(payload, true);
    m.inc('framesSent');
    m.inc('bytesOnWire', bytes);
    sim.send(self, server(), { type, ...extra }, label);
    return bytes;
  };
  const io: ClientIO = {
    sendSyn: () => sim.send(self, server(), { type: 'SYN' }, 'SYN'),
    sendAckAndUpgrade: () => {
      sim.send(self, server(), { type: 'ACK' }, 'ACK');
      m.inc('bytesOnWire', UPGRADE_REQUEST.length);
      sim.send(self, server(), { type: 'UPGRADE' }, 'GET /room Upgrade: websocket');
    },
    opened: () => m.inc('handshakes'),
    received: (postedAt) => {
      m.inc('messagesDelivered');
      m.observe('deliveryLatencyMs', sim.now - postedAt);
      if (role === 'healthy') m.observe('healthyDeliveryLatencyMs', sim.now - postedAt);
    },
    sendText: () => {
      m.inc('messagesPosted');
      const label = `text (${frameBytes(s.messageBytes, true)} B, masked)`;
      const bytes = send('TEXT', s.messageBytes, label, { postedAt: sim.now });
      m.inc('textFramesFromClients');
      m.inc('textBytesFromClients', bytes);
    },
    sendPong: () => send('PONG', 0, 'pong'),
    replyClose: (code) => send('CLOSE', 2, `close ${code}`, { code }),
    closed: () => undefined,
  };
  self = sim.spawn(`client-${i + 1}`, 'client', clientMachine, {
    input: { io, openAfterMs },
    // A crashed tab's OS closes its socket: the server gets a FIN one latency later.
    onCrash: () => {
      if (!sim.net.isPartitioned(self, server()))
        sim.send(self, server(), { type: 'FIN' }, 'FIN (tab closed)');
    },
  });
  return self;
}
