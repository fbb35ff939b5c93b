import type { Simulation } from '../../src/engine/sim';
import type { SseApi } from './api';
import { OriginPool as BrowserConnections, type Conn } from '../../src/kit/transport/origin-pool';
import { checkedDelay, checkedReplay } from './learner-checks';
import {
  clientMachine,
  serverMachine,
  type ServerEvent,
  type ServerIO,
  type StreamRequest,
  type TabEvent,
  type TabIO,
} from './model';
import type { SseParams } from './params';
import { ReconnectStats, StreamTracker } from './tracking';

/** TCP handshake plus TLS 1.3 handshake: two round trips before the first request. */
const HANDSHAKE_RTTS = 2;
/** A connection attempt across a cut link gives up after this long (real OSes wait tens of seconds). */
const CONNECT_TIMEOUT_MS = 5000;
/** Pages load at random moments in the first seconds, as users arrive (not all at one instant). */
const TABS_OPEN_WITHIN_MS = 3000;
/** Chrome's reconnection time before the server has sent `retry:` (kDefaultReconnectDelay). */
const BROWSER_DEFAULT_RETRY_MS = 3000;

/** Creates the log, the server and every browser's tabs of one SSE run. */
export function buildSse(sim: Simulation, p: SseParams, learner: SseApi): void {
  const m = sim.metrics;
  m.declare(
    'eventsPublished',
    'eventsDelivered',
    'eventsLost',
    'eventsDuplicated',
    'eventsReplayed',
    'reconnects',
    'connectionDrops',
    'reconnectPeakPerSecond',
  );
  m.declareSummary('deliveryLatencyMs');
  for (const g of ['openConnections', 'openStreams', 'pendingStreams', 'setupQueue']) m.set(g, 0);
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.2, loss: 0 };
  const rtt = 2 * p.latencyMs;

  // The feed's durable log (think a table with an auto-increment id, or a Redis
  // stream): it outlives server restarts. log[k] is when event k + 1 was published.
  const log: number[] = [];
  const streams = new StreamTracker(m);
  const reconnects = new ReconnectStats(m);
  const drops = sim.rng.fork('drops');
  let nextConnId = 1;
  let server = -1;

  const tell = (actor: number, ev: TabEvent | ServerEvent) => sim.ref(actor)?.send(ev);

  /** A connection closed or broke: both ends notice at once (a FIN or RST), its streams end. */
  const breakConn = (pool: BrowserConnections, conn: Conn, why: string) => {
    if (!conn.up) return;
    pool.remove(conn);
    if (conn.established) m.add('openConnections', -1);
    for (const [tab, stream] of conn.streams) {
      if (streams.close(tab, stream)) sim.connection(tab, server, false, why);
      tell(server, { type: 'STREAM_CLOSED', tab, stream });
      tell(tab, { type: 'CLOSED', stream });
    }
    pool.serveWaiting();
  };

  const pools: BrowserConnections[] = [];
  const poolOf = new Map<number, BrowserConnections>();
  const connOf = (tab: number) => poolOf.get(tab)?.connOf(tab);
  const makePool = (): BrowserConnections => {
    const pool: BrowserConnections = new BrowserConnections(p.httpVersion, {
      newId: () => nextConnId++,
      waitingChanged: (d) => m.add('pendingStreams', d),
      grant: (_conn, tab, stream) => tell(tab, { type: 'SOCKET', stream }),
      dial: (conn) => {
        const [firstTab] = conn.streams.keys();
        if (firstTab !== undefined && sim.net.isPartitioned(firstTab, server)) {
          sim.scheduler.after(CONNECT_TIMEOUT_MS, () => breakConn(pool, conn, 'connect timeout'));
        } else if (!sim.isUp(server)) {
          sim.scheduler.after(rtt, () => breakConn(pool, conn, 'refused'));
        } else {
          sim.scheduler.after(HANDSHAKE_RTTS * rtt, () => {
            if (!conn.up) return;
            m.add('openConnections', 1);
            if (p.dropEveryMs > 0) {
              sim.scheduler.after(drops.exponential(p.dropEveryMs), () => {
                if (!conn.up) return;
                m.inc('connectionDrops');
                breakConn(pool, conn, 'dropped');
              });
            }
            pool.established(conn);
          });
        }
      },
    });
    pools.push(pool);
    return pool;
  };

  const serverIO: ServerIO = {
    setQueue: (n) => m.set('setupQueue', n),
    accept: (req: StreamRequest) => {
      const conn = connOf(req.tab);
      if (!conn?.up || conn.id !== req.conn || conn.streams.get(req.tab) !== req.stream) return false;
      const first = Math.max(0, log.length - p.replayBufferSize);
      const recent = log.slice(first).map((t, i) => ({ id: first + i + 1, publishedAt: t }));
      const replayed = checkedReplay(learner.replay({ lastEventId: req.lastEventId, recent }), recent);
      // A first stream opens with `id:` set to the log's position (and no data), so
      // the tab has a Last-Event-ID to send even if it drops before its first event.
      const primed = req.lastEventId === null ? log.length : null;
      sim.send(
        server,
        req.tab,
        { type: 'OPENED', stream: req.stream, retryMs: p.retryMs, id: primed },
        `200 event-stream (retry: ${p.retryMs})`,
      );
      m.inc('eventsReplayed', replayed.length);
      for (const e of replayed) write(req.tab, req.stream, e.id, 'replay ');
      return true;
    },
    push: (tab, stream, id) => write(tab, stream, id, ''),
  };

  /** Writes one event on a stream. Writing to a cut connection fails: that is how the server notices. */
  const write = (tab: number, stream: number, id: number, kind: string): boolean => {
    const conn = connOf(tab);
    if (!conn?.up || conn.streams.get(tab) !== stream) return false;
    if (sim.net.isPartitioned(server, tab)) {
      breakConn(poolOf.get(tab)!, conn, 'network cut');
      return false;
    }
    sim.send(server, tab, { type: 'EVENT', stream, id }, `${kind}id: ${id}`);
    return true;
  };

  server = sim.spawn('server', 'server', serverMachine, {
    input: { io: serverIO, setupMs: p.setupMs },
    // The process died: the kernel closes its sockets, every browser sees its streams end.
    onCrash: () => {
      for (const pool of pools) for (const conn of [...pool.conns]) breakConn(pool, conn, 'server down');
      m.set('setupQueue', 0);
    },
  });

  const starts = sim.rng.fork('tab-start');
  for (let b = 1; b <= p.clients; b++) {
    const pool = makePool();
    for (let t = 1; t <= p.tabs; t++) spawnTab(pool, `b${b}-tab${t}`, starts.uniform(0, TABS_OPEN_WITHIN_MS));
  }

  // Every tab exists from the start (so the fault panel can name it) and loads its page at a random moment.
  function spawnTab(pool: BrowserConnections, name: string, loadMs: number): void {
    let self = -1;
    const io: TabIO = {
      requestSocket: (stream) => pool.request(self, stream),
      sendRequest: (stream, lastEventId) => {
        const conn = pool.connOf(self);
        if (!conn?.up) return;
        if (sim.net.isPartitioned(self, server)) return breakConn(pool, conn, 'network cut');
        const ev: ServerEvent = { type: 'CONNECT', from: self, stream, conn: conn.id, lastEventId };
        sim.send(
          self,
          server,
          ev,
          lastEventId === null ? 'GET /events' : `GET /events (Last-Event-ID: ${lastEventId})`,
        );
      },
      opened: (stream, primedId) => {
        streams.open(self, stream, primedId);
        sim.connection(self, server, true, p.httpVersion === '1.1' ? 'HTTP/1.1 stream' : 'HTTP/2 stream');
      },
      receive: (id) => streams.receive(self, id, sim.now - (log[id - 1] as number)),
      reconnecting: () => reconnects.attempt(sim.now),
      delay: (info) => checkedDelay(learner.reconnectDelay(info)),
    };
    self = sim.spawn(name, 'client', clientMachine, {
      input: { io, retryMs: BROWSER_DEFAULT_RETRY_MS, loadMs },
      // The tab was closed: its request or stream goes away; a reopened tab starts afresh.
      onCrash: () => {
        const conn = pool.connOf(self);
        const stream = conn?.streams.get(self);
        const closing = pool.release(self);
        if (stream !== undefined) {
          if (streams.close(self, stream)) sim.connection(self, server, false, 'tab closed');
          tell(server, { type: 'STREAM_CLOSED', tab: self, stream });
        }
        if (closing) breakConn(pool, closing, 'tab closed');
        streams.forget(self);
      },
    });
    poolOf.set(self, pool);
  }

  // The feed: events appear at Poisson times (exponential gaps).
  const arrivals = sim.rng.fork('feed');
  const meanGap = 1000 / p.eventsPerSecond;
  const publish = () => {
    log.push(sim.now);
    m.inc('eventsPublished');
    tell(server, { type: 'PUBLISH', id: log.length });
    sim.scheduler.after(arrivals.exponential(meanGap), publish);
  };
  sim.scheduler.after(arrivals.exponential(meanGap), publish);

  if (p.serverRestartAtMs > 0) {
    sim.scheduler.at(p.serverRestartAtMs, () =>
      sim.applyFault({ at: p.serverRestartAtMs, kind: 'crash', actor: 'server' }),
    );
    const back = p.serverRestartAtMs + p.serverDownMs;
    sim.scheduler.at(back, () => sim.applyFault({ at: back, kind: 'restart', actor: 'server' }));
  }
}
