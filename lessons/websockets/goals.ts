import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { ParamsOf } from '../../src/lesson/params';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import type { websocketsParams } from './index';
import { websocketsMetrics } from './metrics';
import { DEAD_PEER_LIMIT_MS, healthyClients, memoryBudgetBytes, SEND_ALLOWANCE_BYTES } from './roles';

const read = (run: RunOutcome) => metricReader(websocketsMetrics, run.metrics);

type Params = ParamsOf<typeof websocketsParams>;

const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;

export const websocketsGoals: Goal<Params>[] = [
  {
    id: 'detect-dead',
    title: `The server lets go of a silently dead client within ${DEAD_PEER_LIMIT_MS / 1000} s`,
    check: (run, p) => {
      const m = read(run);
      if (p.deadPeerAtMs >= p.durationMs)
        return {
          passed: true,
          detail: `No client dies in this run (dead peer at ${fmt(p.deadPeerAtMs)} ms ≥ duration ${fmt(p.durationMs)} ms).`,
        };
      if (m.count('deadPeers') === 0)
        return {
          passed: true,
          detail: `client-1's network vanished at ${fmt(p.deadPeerAtMs / 1000)} s, before its WebSocket was open: the server never held its connection, so there was no dead peer to detect.`,
        };
      const s = m.summary('deadPeerDetectionMs');
      if (s.count === 0) {
        const heldFor = p.durationMs - p.deadPeerAtMs;
        return {
          passed: false,
          detail: `client-1's network vanished at ${fmt(p.deadPeerAtMs / 1000)} s and the server still held its connection ${fmt(heldFor / 1000)} s later, with ${kib(m.count('deadPeerHeldBytes'))} queued for it.`,
        };
      }
      const passed = s.max <= DEAD_PEER_LIMIT_MS;
      return {
        passed,
        detail: `The dead client's connection was closed ${fmt(s.max / 1000)} s after its network vanished (${passed ? '≤' : '>'} ${DEAD_PEER_LIMIT_MS / 1000} s).`,
      };
    },
  },
  {
    id: 'bounded-memory',
    title: `Server memory stays within ${SEND_ALLOWANCE_BYTES / 1024} KiB of send buffer per connection`,
    check: (run, p) => {
      const peak = read(run).peak('serverMemoryBytes');
      const budget = memoryBudgetBytes(p);
      const passed = peak <= budget;
      return {
        passed,
        detail: `Peak server memory ${kib(peak)} ${passed ? '≤' : '>'} budget ${kib(budget)} (${p.clients} connections × (${p.connectionMemoryKiB} KiB idle + ${SEND_ALLOWANCE_BYTES / 1024} KiB of send buffer)).`,
      };
    },
  },
  {
    id: 'healthy-lossless',
    title: 'Healthy clients lose no message and are never disconnected',
    check: (run, p) => {
      const m = read(run);
      if (healthyClients(p) === 0)
        return {
          passed: true,
          detail: `No healthy client in this run: with ${p.clients} clients, client-1 loses its network and client-2 is the slow one.`,
        };
      const dropped = m.count('messagesDroppedHealthy');
      const cut = m.count('healthyDisconnects');
      const delivered = m.summary('healthyDeliveryLatencyMs').count;
      const passed = dropped === 0 && cut === 0 && delivered > 0;
      return {
        passed,
        detail: `${fmt(delivered)} messages reached healthy clients; ${fmt(dropped)} were dropped for them and ${fmt(cut)} healthy connection${cut === 1 ? ' was' : 's were'} closed by the server.`,
      };
    },
  },
];
