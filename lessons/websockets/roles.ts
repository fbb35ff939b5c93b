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
