import type { Simulation } from '../../src/engine/sim';
import { hash32 } from '../../src/kit/keyspace/hash';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { EMAIL_SEED, RETRY_MS } from './constants';
import type { crossShardMetrics } from './metrics';
import type { Shards } from './shards';

interface Update {
  user: number;
  version: number;
  committedAt: number;
  /** Applied by the index partition (a lost reply must not apply it twice). */
  done: boolean;
}

/**
 * The users' emails and the global secondary index on them. A write commits on the user's
 * shard (version + 1); with a global index the change is shipped to the index partition
 * `lagMs` later (DynamoDB propagates base-table writes to a GSI asynchronously; so does a
 * change stream feeding a search index) and applied there as one more write in that
 * shard's queue. Until then, a lookup of that user's email finds the old entry: stale.
 */
export class GlobalIndex {
  private readonly version: Uint32Array;
  private readonly applied: Uint32Array;
  private readonly held: Update[] = [];
  private pending = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof crossShardMetrics>,
    private readonly shards: Shards,
    private readonly indexer: number,
    users: number,
    readonly enabled: boolean,
    private readonly lagMs: number,
  ) {
    this.version = new Uint32Array(users);
    this.applied = new Uint32Array(users);
  }

  emailHash(user: number): number {
    return hash32(user, EMAIL_SEED);
  }

  /** The shard holding the index entry of this user's email. */
  partitionOf(user: number): number {
    return this.emailHash(user) % this.shards.actors.length;
  }

  /** Whether the index is behind this user's row (a committed update not yet applied). */
  isStale(user: number): boolean {
    return this.applied[user]! < this.version[user]!;
  }

  /** An update of `user`'s email committed on its shard. */
  committed(user: number): void {
    const version = ++this.version[user]!;
    if (!this.enabled) {
      this.applied[user] = version;
      return;
    }
    if (this.pending++ === 0) this.sim.ref(this.indexer)?.send({ type: 'BEHIND' });
    this.m.set('indexPending', this.pending);
    const u: Update = { user, version, committedAt: this.sim.now, done: false };
    this.sim.scheduler.after(this.lagMs, () => this.ship(u));
  }

  /** The indexer hands the update to the index partition (held while the indexer is down). */
  private ship(u: Update): void {
    if (!this.sim.isUp(this.indexer)) {
      if (this.held.push(u) === 1) this.sim.scheduler.after(RETRY_MS, () => this.retryHeld());
      return;
    }
    const part = this.partitionOf(u.user);
    this.shards.ask(this.indexer, part, {
      served: () => this.apply(u),
      answered: () => {},
      failed: () => {
        if (!u.done) this.sim.scheduler.after(RETRY_MS, () => this.ship(u));
      },
    });
  }

  private retryHeld(): void {
    if (!this.sim.isUp(this.indexer)) return void this.sim.scheduler.after(RETRY_MS, () => this.retryHeld());
    for (const u of this.held.splice(0)) this.ship(u);
  }

  private apply(u: Update): void {
    if (u.done) return;
    u.done = true;
    if (u.version > this.applied[u.user]!) this.applied[u.user] = u.version;
    this.m.inc('indexWrites');
    this.m.observe('indexLagMs', this.sim.now - u.committedAt);
    if (--this.pending === 0) this.sim.ref(this.indexer)?.send({ type: 'CAUGHT_UP' });
    this.m.set('indexPending', this.pending);
  }
}
