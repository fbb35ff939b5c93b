import type { Rng } from '../../src/engine/random';
import type { Simulation } from '../../src/engine/sim';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { OriginPool, Conn } from '../../src/kit/transport/origin-pool';
import type { SseApi } from './api';
import type { sseMetrics } from './metrics';
import type { ServerEvent, TabEvent } from './model';
import type { SseParams } from './params';
import type { ReconnectStats, StreamTracker } from './tracking';

/** What the parts of one SSE run share. */
export interface SseWorld {
  sim: Simulation;
  p: SseParams;
  learner: SseApi;
  m: MetricWriter<typeof sseMetrics>;
  /** The feed's durable log: log[k] is when event k + 1 was published. It outlives restarts. */
  log: number[];
  streams: StreamTracker;
  reconnects: ReconnectStats;
  server: number;
  pools: OriginPool[];
  /** When the network drops each connection (one stream for all of them). */
  drops: Rng;
  /** Last connection id handed out. */
  connIds: number;
  poolOf: Map<number, OriginPool>;
}

export const tell = (w: SseWorld, actor: number, ev: TabEvent | ServerEvent) => w.sim.ref(actor)?.send(ev);

/** A connection closed or broke: both ends notice at once (a FIN or RST), its streams end. */
export function breakConn(w: SseWorld, pool: OriginPool, conn: Conn, why: string): void {
  if (!conn.up) return;
  pool.remove(conn);
  if (conn.established) w.m.add('openConnections', -1);
  for (const [tab, stream] of conn.streams) {
    if (w.streams.close(tab, stream)) w.sim.connection(tab, w.server, false, why);
    tell(w, w.server, { type: 'STREAM_CLOSED', tab, stream });
    tell(w, tab, { type: 'CLOSED', stream });
  }
  pool.serveWaiting();
}
