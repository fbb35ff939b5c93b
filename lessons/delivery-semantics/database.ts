import type { Simulation } from '../../src/engine/sim';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { KvStore, type Transaction as KvTransaction } from '../../src/kit/store/kv-store';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { Transaction } from './api';
import { COUNT_KEY } from './constants';
import type { Ledger } from './ledger';
import type { deliveryMetrics } from './metrics';

interface Open {
  tx: KvTransaction<number>;
  offset: number;
  wrote: boolean;
}

/**
 * The consumer's database: the kit's KvStore (atomic transactions). One connection per
 * consumer, at most one open transaction on it. When the consumer dies, the database
 * notices its connection closed and rolls the open transaction back (PostgreSQL aborts the
 * transaction of a session that ends without COMMIT:
 * https://www.postgresql.org/docs/current/tutorial-transactions.html).
 */
export class Database {
  readonly store = new KvStore<number>();
  private readonly open = new Map<number, Open>();
  dbId = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof deliveryMetrics>,
    private readonly ledger: Ledger,
  ) {}

  /** Opens the transaction a delivery runs in; returns the learner's view of it. */
  begin(consumer: number, offset: number): Transaction {
    this.rollBack(consumer);
    const o: Open = { tx: this.store.begin(), offset, wrote: false };
    this.open.set(consumer, o);
    return {
      get: (key) => {
        if (typeof key !== 'string') learnerMistake(`db.get takes a string key; it got ${String(key)}`);
        return o.tx.open ? o.tx.get(key) : undefined;
      },
      put: (key, value) => {
        if (typeof key !== 'string') learnerMistake(`db.put takes a string key; it got ${String(key)}`);
        if (typeof value !== 'number' || !Number.isFinite(value))
          learnerMistake(`db.put stores numbers; it got ${String(value)} for "${key}"`);
        if (!o.tx.open) return;
        o.tx.put(key, value);
        o.wrote = true;
      },
    };
  }

  /** A COMMIT arrived on the consumer's connection. */
  commit(consumer: number): void {
    const o = this.open.get(consumer);
    if (!o || !o.tx.open) return;
    this.open.delete(consumer);
    const before = this.store.get(COUNT_KEY) ?? 0;
    o.tx.commit();
    this.ledger.committed(o.offset, (this.store.get(COUNT_KEY) ?? 0) - before, o.wrote, this.sim.now);
    this.sim.send(this.dbId, consumer, { type: 'TX_COMMITTED' }, 'COMMIT ok');
  }

  /** The consumer's connection closed: its open transaction is rolled back. */
  rollBack(consumer: number): void {
    const o = this.open.get(consumer);
    this.open.delete(consumer);
    if (o?.tx.open) {
      o.tx.abort();
      this.m.inc('txRolledBack');
    }
  }

  /** The database process died: every open transaction is rolled back; committed data stays. */
  crashed(): void {
    this.m.inc('txRolledBack', this.store.crash());
    this.open.clear();
  }
}
