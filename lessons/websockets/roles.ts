import type { ParamsOf } from '../../src/lesson/params';
import type { websocketsParams } from './index';

type Params = ParamsOf<typeof websocketsParams>;

/** Who a client really is; the server does not know, the metrics do. */
export type Role = 'healthy' | 'slow' | 'dead';

/** Who each tab is: client-1 loses its network at `deadPeerAtMs` (if within the run), client-2 is slow. */
export function roleOfIndex(p: Params, i: number): Role {
  return i === 0 && p.deadPeerAtMs < p.durationMs ? 'dead' : i === 1 ? 'slow' : 'healthy';
}

/** Healthy tabs in this scenario (0 with 2 clients when client-1 dies). */
export function healthyClients(p: Params): number {
  let n = 0;
  for (let i = 0; i < p.clients; i++) if (roleOfIndex(p, i) === 'healthy') n++;
  return n;
}

/** The dead-peer goal: the server must let go of a silently dead client within this long. */
export const DEAD_PEER_LIMIT_MS = 15_000;
/** Send-buffer allowance per connection in the memory budget: Linux's initial TCP send buffer (tcp_wmem default, 16K). */
export const SEND_ALLOWANCE_BYTES = 16 * 1024;

export function memoryBudgetBytes(p: Params): number {
  return p.clients * (p.connectionMemoryKiB * 1024 + SEND_ALLOWANCE_BYTES);
}

/** A healthy client's downlink: 10 Mbit/s = 1,250 bytes per ms. */
export const HEALTHY_BYTES_PER_MS = 1250;
