import type { Task } from '../../src/engine/scheduler';
import type { Simulation } from '../../src/engine/sim';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { DeliveryApi } from './api';
import type { Partition } from './broker';
import { LINK_MS, REQUEST_TIMEOUT_MS, RESTART_MS } from './constants';
import type { Database } from './database';
import type { Ledger } from './ledger';
import type { deliveryMetrics } from './metrics';
import { consumerMachine, type ConsumerIO } from './model';
import type { DeliveryParams } from './params';

export interface ConsumerDeps {
  sim: Simulation;
  p: DeliveryParams;
  m: MetricWriter<typeof deliveryMetrics>;
  learner: DeliveryApi;
  partition: Partition;
  db: Database;
  ledger: Ledger;
}

/** The batch the consumer holds, and how far it got (read by the end-of-run count). */
export interface ConsumerState {
  id: number;
  first: number;
  count: number;
  next: number;
}

/**
 * Spawns the consumer: one process, one partition, records handled one at a time, each in
 * its own database transaction committed when its work is done. On a crash the supervisor
 * restarts it after RESTART_MS; it then asks the broker for the committed offset.
 */
export function spawnConsumer(d: ConsumerDeps): ConsumerState {
  const { sim, p, m, partition, db, ledger } = d;
  const rng = sim.rng.fork('processing');
  const c: ConsumerState = { id: -1, first: 0, count: 0, next: 0 };
  /** Next offset to fetch; undefined = ask for the committed offset. */
  let position: number | undefined;
  let work: Task | undefined;
  let timer: Task | undefined;
  const waitFor = () => {
    sim.scheduler.cancel(timer);
    timer = sim.scheduler.after(REQUEST_TIMEOUT_MS, () => sim.ref(c.id)?.send({ type: 'TIMEOUT' }));
  };
  const answered = () => {
    sim.scheduler.cancel(timer);
    timer = undefined;
  };
  const toBroker = (event: { type: string; [k: string]: unknown }, label: string) =>
    sim.send(c.id, partition.brokerId, event, label);

  const processNext = () => {
    if (c.next >= c.first + c.count) {
      sim.ref(c.id)?.send({ type: 'BATCH_DONE' });
      return;
    }
    const offset = c.next;
    ledger.delivered(offset);
    const id = partition.log.get(offset)?.value ?? `msg-${offset}`;
    const tx = db.begin(c.id, offset);
    d.learner.handle({ id, offset }, tx);
    work = sim.scheduler.after(rng.exponential(p.processingMs), () => {
      work = undefined;
      sim.send(c.id, db.dbId, { type: 'TX_COMMIT' }, `COMMIT ${id}`);
      waitFor();
    });
  };

  const io: ConsumerIO = {
    commitFirst: p.commit === 'before',
    fetch: () => {
      toBroker(
        { type: 'FETCH', position },
        position === undefined ? 'fetch from committed' : `fetch ${position}`,
      );
      waitFor();
    },
    take: (first, count) => {
      answered();
      c.first = c.next = first;
      c.count = count;
      position = first + count;
    },
    commitOffset: () => {
      const offset = c.first + c.count;
      toBroker({ type: 'COMMIT_OFFSET', offset }, `commit offset ${offset}`);
      waitFor();
    },
    processBatch: () => {
      answered();
      processNext();
    },
    recordDone: () => {
      answered();
      c.next++;
      processNext();
    },
    rewind: () => {
      m.inc('rewinds');
      forget();
      db.rollBack(c.id);
      ledger.startOver(partition.committed);
    },
  };

  const forget = () => {
    sim.scheduler.cancel(work);
    sim.scheduler.cancel(timer);
    work = timer = undefined;
    position = undefined;
    c.count = 0;
  };

  // The machine fetches as it starts, inside spawn: it needs its id before spawn returns.
  c.id = sim.actors.length;
  const spawned = sim.spawn('consumer', 'consumer', consumerMachine, {
    input: { io },
    onCrash: () => {
      m.inc('consumerCrashes');
      forget();
      // The database sees the connection close one transit later (after any COMMIT already sent).
      sim.scheduler.after(LINK_MS, () => {
        db.rollBack(c.id);
        ledger.startOver(partition.committed);
      });
      sim.scheduler.after(RESTART_MS, () =>
        sim.applyFault({ at: sim.now, kind: 'restart', actor: 'consumer' }),
      );
    },
  });
  if (spawned !== c.id) throw new Error(`the consumer got actor id ${spawned}, expected ${c.id}`);
  return c;
}
