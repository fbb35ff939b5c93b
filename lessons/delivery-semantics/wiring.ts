import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import type { DeliveryApi } from './api';
import { Partition } from './broker';
import { CRASH_JITTER, crashSlots, LINK_MS, producingEndMs, RESTART_MS } from './constants';
import { spawnConsumer } from './consumer';
import { Database } from './database';
import { Ledger } from './ledger';
import { deliveryMetrics } from './metrics';
import { brokerMachine, databaseMachine, producerMachine } from './model';
import type { DeliveryParams } from './params';

/** Producer → broker (one partition) → consumer → database; the consumer dies every crashEveryMs. */
export function buildDelivery(sim: Simulation, p: DeliveryParams, learner: DeliveryApi): void {
  const m = new MetricWriter(sim.metrics, deliveryMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: LINK_MS, jitterMs: 0, loss: 0 };
  const ledger = new Ledger(m);
  const partition = new Partition(sim, m, ledger, p.batchSize);
  const db = new Database(sim, m, ledger);
  // A crashed broker or database (from the fault panel) is restarted by its supervisor too.
  const restartLater = (actor: string) =>
    sim.scheduler.after(RESTART_MS, () => sim.applyFault({ at: sim.now, kind: 'restart', actor }));

  const producer = sim.spawn('producer', 'producer', producerMachine);
  partition.brokerId = sim.spawn('broker', 'broker', brokerMachine, {
    input: { io: partition.io },
    onCrash: () => {
      partition.crashed();
      restartLater('broker');
    },
  });
  db.dbId = sim.spawn('database', 'database', databaseMachine, {
    input: { commit: (from: number) => db.commit(from) },
    onCrash: () => {
      db.crashed();
      restartLater('database');
    },
  });
  const consumer = spawnConsumer({ sim, p, m, learner, partition, db, ledger });

  // The producer's records: ids the consumer's handler can use as idempotency keys.
  let sent = 0;
  const stop = poisson(sim.scheduler, sim.rng.fork('producer'), p.messagesPerSecond, () => {
    const id = `order-${++sent}`;
    sim.send(producer, partition.brokerId, { type: 'PRODUCE', id }, id);
  });
  sim.scheduler.at(producingEndMs(p), () => {
    stop();
    sim.ref(producer)?.send({ type: 'STOP' });
  });

  const crashRng = sim.rng.fork('crashes');
  for (const slot of crashSlots(p)) {
    const t = slot + crashRng.uniform(-CRASH_JITTER, CRASH_JITTER) * p.crashEveryMs;
    sim.scheduler.at(t, () => sim.applyFault({ at: t, kind: 'crash', actor: 'consumer' }));
  }

  atEndOfRun(sim, p.durationMs, () => {
    m.settle();
    const inHand = (o: number) =>
      sim.isUp(consumer.id) && o >= consumer.next && o < consumer.first + consumer.count;
    ledger.finish(partition.committed, inHand);
  });
}
