import { dial } from '../../src/kit/transport/dial';
import { OriginPool } from '../../src/kit/transport/origin-pool';
import { checkedDelay } from './learner-checks';
import { clientMachine, type ServerEvent, type TabContext, type TabEvent, type TabIO } from './model';
import { breakConn, tell, type SseWorld } from './world';

/** A connection attempt across a cut link gives up after this long (real OSes wait tens of seconds). */
const CONNECT_TIMEOUT_MS = 5000;
/** Chrome's reconnection time before the server has sent `retry:` (kDefaultReconnectDelay). */
const BROWSER_DEFAULT_RETRY_MS = 3000;

/** One browser: its connections to the origin (6 on HTTP/1.1, 1 multiplexed on HTTP/2). */
export function browserPool(w: SseWorld): OriginPool {
  const { sim, p, m } = w;
  const pool: OriginPool = new OriginPool(p.httpVersion, {
    newId: () => ++w.connIds,
    waitingChanged: (d, tab) => (m.add('pendingStreams', d), w.streams.waiting(tab, d > 0)),
    grant: (_conn, tab, stream) => tell(w, tab, { type: 'SOCKET', stream }),
    dial: (conn) => {
      const [firstTab] = conn.streams.keys();
      dial(
        sim,
        firstTab!,
        w.server,
        { rttMs: 2 * p.latencyMs, tls: '1.3', connectTimeoutMs: CONNECT_TIMEOUT_MS },
        {
          alive: () => conn.up,
          failed: (why) => breakConn(w, pool, conn, why),
          open: () => {
            m.add('openConnections', 1);
            if (p.dropEveryMs > 0)
              sim.scheduler.after(w.drops.exponential(p.dropEveryMs), () => {
                if (!conn.up) return;
                m.inc('connectionDrops');
                breakConn(w, pool, conn, 'dropped');
              });
            pool.established(conn);
          },
        },
      );
    },
  });
  w.pools.push(pool);
  return pool;
}

/** A tab exists from the start (so the fault panel can name it) and loads its page at `loadMs`. */
export function spawnTab(w: SseWorld, pool: OriginPool, name: string, loadMs: number): void {
  const { sim, p } = w;
  let self = -1;
  const io: TabIO = {
    requestSocket: (stream) => pool.request(self, stream),
    sendRequest: (stream, lastEventId) => {
      const conn = pool.connOf(self);
      if (!conn?.up) return;
      if (sim.net.isPartitioned(self, w.server)) return breakConn(w, pool, conn, 'network cut');
      const ev: ServerEvent = { type: 'CONNECT', from: self, stream, conn: conn.id, lastEventId };
      const label = lastEventId === null ? 'GET /events' : `GET /events (Last-Event-ID: ${lastEventId})`;
      sim.send(self, w.server, ev, label);
    },
    opened: (stream, primedId) => {
      w.streams.open(self, stream, primedId);
      sim.connection(self, w.server, true, p.httpVersion === '1.1' ? 'HTTP/1.1 stream' : 'HTTP/2 stream');
    },
    receive: (id) => w.streams.receive(self, id, sim.now - (w.log[id - 1] as number)),
    reconnecting: () => w.reconnects.attempt(sim.now),
    delay: (info) => checkedDelay(w.learner.reconnectDelay(info)),
  };
  self = sim.spawn(name, 'client', clientMachine, {
    input: { io, retryMs: BROWSER_DEFAULT_RETRY_MS, loadMs },
    // One more event on the open stream takes no transition: handled here as the
    // machine's `open` state does (EVENT of the same stream: keep its id, receive it),
    // without an xstate event per delivered update; anything else goes to the machine.
    fast: (e, now) => {
      if (e.type !== 'EVENT') return false;
      const ev = e as unknown as Extract<TabEvent, { type: 'EVENT' }>;
      const ctx = now.context as TabContext;
      if (now.value === 'open' && ev.stream === ctx.stream) {
        ctx.lastEventId = ev.id;
        io.receive(ev.id);
      }
      return true;
    },
    // The tab was closed: its request or stream goes away; a reopened tab starts afresh.
    onCrash: () => {
      const stream = pool.connOf(self)?.streams.get(self);
      const closing = pool.release(self);
      if (stream !== undefined) {
        if (w.streams.close(self, stream)) sim.connection(self, w.server, false, 'tab closed');
        tell(w, w.server, { type: 'STREAM_CLOSED', tab: self, stream });
      }
      if (closing) breakConn(w, pool, closing, 'tab closed');
      w.streams.forget(self);
    },
  });
  w.poolOf.set(self, pool);
}
