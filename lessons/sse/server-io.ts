import { checkedReplay } from './learner-checks';
import type { ServerIO, StreamRequest } from './model';
import { breakConn, type SseWorld } from './world';

/** The server's side: accepting a stream (with its replay) and writing events on open streams. */
export function serverIO(w: SseWorld): ServerIO {
  const { sim, p, m, log } = w;
  const connOf = (tab: number) => w.poolOf.get(tab)?.connOf(tab);

  /** Writes one event on a stream. Writing to a cut connection fails: that is how the server notices. */
  const write = (tab: number, stream: number, id: number, kind: string): boolean => {
    const conn = connOf(tab);
    if (!conn?.up || conn.streams.get(tab) !== stream) return false;
    if (sim.net.isPartitioned(w.server, tab)) {
      breakConn(w, w.poolOf.get(tab)!, conn, 'network cut');
      return false;
    }
    sim.send(w.server, tab, { type: 'EVENT', stream, id }, `${kind}id: ${id}`);
    return true;
  };

  return {
    setQueue: (n) => m.set('setupQueue', n),
    accept: (req: StreamRequest) => {
      const conn = connOf(req.tab);
      if (!conn?.up || conn.id !== req.conn || conn.streams.get(req.tab) !== req.stream) return false;
      const first = Math.max(0, log.length - p.replayBufferSize);
      const recent = log.slice(first).map((t, i) => ({ id: first + i + 1, publishedAt: t }));
      const replayed = checkedReplay(w.learner.replay({ lastEventId: req.lastEventId, recent }), recent);
      // A first stream opens with `id:` set to the log's position (and no data), so
      // the tab has a Last-Event-ID to send even if it drops before its first event.
      const primed = req.lastEventId === null ? log.length : null;
      sim.send(
        w.server,
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
}
