import { fmt, metricNumber, metricSummary } from '../../src/lesson/metric-access';
import type { ParamsOf } from '../../src/lesson/params';
import type { Goal } from '../../src/lesson/types';
import type { websocketsParams } from './index';
import { DEAD_PEER_LIMIT_MS, memoryBudgetBytes, SEND_ALLOWANCE_BYTES } from './wiring';

type Params = ParamsOf<typeof websocketsParams>;

const kib = (bytes: number) => `${fmt(bytes / 1024)} KiB`;

export const websocketsGoals: Goal<Params>[] = [
  {
    id: 'detect-dead',
    title: `The server lets go of a silently dead client within ${DEAD_PEER_LIMIT_MS / 1000} s`,
    check: ({ metrics }, p) => {
      if (p.deadPeerAtMs >= p.durationMs)
        return {
          passed: true,
          detail: `No client dies in this run (dead peer at ${fmt(p.deadPeerAtMs)} ms ≥ duration ${fmt(p.durationMs)} ms).`,
        };
      const s = metricSummary(metrics, 'deadPeerDetectionMs');
      if (s.count === 0) {
        const heldFor = p.durationMs - p.deadPeerAtMs;
        return {
          passed: false,
          detail: `client-1's network vanished at ${fmt(p.deadPeerAtMs / 1000)} s and the server still held its connection ${fmt(heldFor / 1000)} s later, with ${kib(metricNumber(metrics, 'deadPeerHeldBytes'))} queued for it.`,
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
    check: ({ metrics }, p) => {
      const peak = metricNumber(metrics, 'serverMemoryBytesMax');
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
    check: ({ metrics }) => {
      const dropped = metricNumber(metrics, 'messagesDroppedHealthy');
      const cut = metricNumber(metrics, 'healthyDisconnects');
      const delivered = metricSummary(metrics, 'healthyDeliveryLatencyMs').count;
      const passed = dropped === 0 && cut === 0 && delivered > 0;
      return {
        passed,
        detail: `${fmt(delivered)} messages reached healthy clients; ${fmt(dropped)} were dropped for them and ${fmt(cut)} healthy connection${cut === 1 ? ' was' : 's were'} closed by the server.`,
      };
    },
  },
];
