/**
 * A key-value store with atomic transactions: the database a consumer or an application
 * server writes to. What matters for the lessons is atomicity (ACID's A): the writes of one
 * transaction become visible together at commit or not at all, and a crash aborts every open
 * transaction (PostgreSQL: "either all of the statements are applied or none",
 * https://www.postgresql.org/docs/current/tutorial-transactions.html). That is what lets a
 * consumer record "message m was processed" in the same transaction as the effect, so a
 * redelivered message is recognised and skipped: the effect happens once even though the
 * broker delivers at least once.
 *
 * Reads inside a transaction see its own writes, then the committed state (read committed).
 * Concurrency control (locks, isolation anomalies) is not modelled. Each commit gets the next
 * commit number and is reported to `onCommit` subscribers, in order: a hook for a write-ahead
 * log or for replication.
 */
export interface Transaction<V> {
  get(key: string): V | undefined;
  put(key: string, value: V): void;
  delete(key: string): void;
  /** Applies every write atomically; returns the commit number. Throws if the transaction was aborted. */
  commit(): number;
  abort(): void;
  readonly open: boolean;
}

export interface Commit<V> {
  readonly seq: number;
  /** Writes in order; `undefined` value = delete. */
  readonly writes: readonly (readonly [string, V | undefined])[];
}

export class KvStore<V> {
  private readonly data = new Map<string, V>();
  private readonly openTx = new Set<Tx<V>>();
  private readonly listeners: ((c: Commit<V>) => void)[] = [];
  private seq = 0;
  /** Transactions aborted by a crash or by the caller. */
  aborted = 0;

  get(key: string): V | undefined {
    return this.data.get(key);
  }

  has(key: string): boolean {
    return this.data.has(key);
  }

  get size(): number {
    return this.data.size;
  }

  /** Commits so far (the last commit's number). */
  get commits(): number {
    return this.seq;
  }

  entries(): IterableIterator<[string, V]> {
    return this.data.entries();
  }

  begin(): Transaction<V> {
    const tx = new Tx(this);
    this.openTx.add(tx);
    return tx;
  }

  /** A single write in its own transaction (autocommit). */
  put(key: string, value: V): number {
    const tx = this.begin();
    tx.put(key, value);
    return tx.commit();
  }

  /** The server crashed: every open transaction is rolled back; committed data stays (it is durable). */
  crash(): number {
    const n = this.openTx.size;
    for (const tx of [...this.openTx]) tx.abort();
    return n;
  }

  onCommit(fn: (c: Commit<V>) => void): void {
    this.listeners.push(fn);
  }

  /** @internal */
  applyCommit(tx: Tx<V>, writes: Map<string, V | undefined>): number {
    this.openTx.delete(tx);
    for (const [k, v] of writes) {
      if (v === undefined) this.data.delete(k);
      else this.data.set(k, v);
    }
    const c: Commit<V> = { seq: ++this.seq, writes: [...writes] };
    for (const l of this.listeners) l(c);
    return c.seq;
  }

  /** @internal */
  drop(tx: Tx<V>): void {
    if (this.openTx.delete(tx)) this.aborted++;
  }
}

class Tx<V> implements Transaction<V> {
  private readonly writes = new Map<string, V | undefined>();
  open = true;

  constructor(private readonly store: KvStore<V>) {}

  get(key: string): V | undefined {
    return this.writes.has(key) ? this.writes.get(key) : this.store.get(key);
  }

  put(key: string, value: V): void {
    this.check();
    this.writes.set(key, value);
  }

  delete(key: string): void {
    this.check();
    this.writes.set(key, undefined);
  }

  commit(): number {
    this.check();
    this.open = false;
    return this.store.applyCommit(this, this.writes);
  }

  abort(): void {
    if (!this.open) return;
    this.open = false;
    this.store.drop(this);
  }

  private check(): void {
    if (!this.open)
      throw new Error('this transaction is no longer open (committed, aborted, or lost in a crash)');
  }
}
