import type { Rng } from '../../src/engine/random';
import { Station } from '../../src/kit/service/station';
import { DB_CONNECTIONS, DB_QUERY_MS, INDEX_MS, SEARCH_THREADS } from './constants';
import { storeMachine, type StoreEvent } from './model';
import { stepBit, type World } from './shared';

/**
 * The database and the search cluster: each a kit Station (c connections or threads in
 * front of a FIFO queue, exponential service: M/M/c). A query arrives over the network,
 * waits for a free connection, runs, and its answer goes back to whoever asked. A step
 * counts as applied when its query finishes, whether or not the answer arrives.
 */
export function spawnStores(w: Pick<World, 'sim' | 'm' | 'reqs'>): { db: number; search: number } {
  const { sim, m } = w;
  const spawn = (name: string, servers: number, meanMs: number, rng: Rng, onQuery?: () => void) => {
    let id = -1;
    const station = new Station<StoreEvent>(sim, {
      servers,
      serviceMs: () => rng.exponential(meanMs),
      onDone: (q) => {
        const r = w.reqs[q.request];
        if (r) {
          r.applied |= stepBit(q.step);
          if (q.step === 'store') r.storedAt ??= sim.now;
        }
        sim.send(id, q.from, { type: 'DONE', request: q.request }, 'ok');
      },
    });
    id = sim.spawn(name, 'store', storeMachine, {
      input: {
        submit: (e: StoreEvent) => {
          onQuery?.();
          station.submit(e);
        },
      },
      // Queries in progress and waiting are lost with the process; callers time out on them.
      onCrash: () => {
        station.fail();
        station.recover();
      },
    });
    return id;
  };
  const db = spawn('database', DB_CONNECTIONS, DB_QUERY_MS, sim.rng.fork('database'), () =>
    m.inc('dbQueries'),
  );
  const search = spawn('search', SEARCH_THREADS, INDEX_MS, sim.rng.fork('search'), () => m.inc('indexed'));
  return { db, search };
}
