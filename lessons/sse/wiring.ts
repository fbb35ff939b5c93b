import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import type { SseApi } from './api';
import { browserPool, spawnTab } from './browser';
import { sseMetrics } from './metrics';
import { serverMachine } from './model';
import type { SseParams } from './params';
import { serverIO } from './server-io';
import { ReconnectStats, StreamTracker } from './tracking';
import { breakConn, tell, type SseWorld } from './world';

/** Pages load at random moments in the first seconds, as users arrive (not all at one instant). */
const TABS_OPEN_WITHIN_MS = 3000;

/** Creates the log, the server and every browser's tabs of one SSE run. */
export function buildSse(sim: Simulation, p: SseParams, learner: SseApi): void {
  const m = new MetricWriter(sim.metrics, sseMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.2, loss: 0 };
  const log: number[] = [];
  const w: SseWorld = {
    ...{ sim, p, learner, m, log, server: -1, pools: [], poolOf: new Map(), connIds: 0 },
    streams: new StreamTracker(m, () => log.length),
    reconnects: new ReconnectStats(m),
    drops: sim.rng.fork('drops'),
  };
  w.server = sim.spawn('server', 'server', serverMachine, {
    input: { io: serverIO(w), setupMs: p.setupMs },
    // The process died: the kernel closes its sockets, every browser sees its streams end.
    onCrash: () => {
      for (const pool of w.pools) for (const conn of [...pool.conns]) breakConn(w, pool, conn, 'server down');
      m.set('setupQueue', 0);
    },
  });

  const starts = sim.rng.fork('tab-start');
  for (let b = 1; b <= p.clients; b++) {
    const pool = browserPool(w);
    for (let t = 1; t <= p.tabs; t++)
      spawnTab(w, pool, `b${b}-tab${t}`, starts.uniform(0, TABS_OPEN_WITHIN_MS));
  }

  // The feed: events appear at Poisson times.
  poisson(sim.scheduler, sim.rng.fork('feed'), p.eventsPerSecond, () => {
    log.push(sim.now);
    m.inc('eventsPublished');
    tell(w, w.server, { type: 'PUBLISH', id: log.length });
  });

  if (p.serverRestartAtMs > 0) {
    const [down, back] = [p.serverRestartAtMs, p.serverRestartAtMs + p.serverDownMs];
    sim.scheduler.at(down, () => sim.applyFault({ at: down, kind: 'crash', actor: 'server' }));
    sim.scheduler.at(back, () => sim.applyFault({ at: back, kind: 'restart', actor: 'server' }));
  }
  atEndOfRun(sim, p.durationMs, () => w.streams.settle(w.pools.flatMap((pool) => pool.waitingTabs())));
}
