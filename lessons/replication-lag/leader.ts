import type { Simulation } from '../../src/engine/sim';
import type { LogRecord } from '../../src/kit/log/append-log';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { hop } from '../../src/kit/transport/hop';
import type { ReplicationMode } from './api';
import { FLUSH_MS, RESEND_EVERY_MS, SEMI_SYNC_TIMEOUT_MS } from './constants';
import type { replicationLagMetrics } from './metrics';
import type { Entry, Replica } from './replica';

/** A write the leader has logged and not yet acknowledged. */
interface Waiting {
  offset: number;
  entry: Entry;
  flushed: boolean;
}

/**
 * The leader's side of replication, for one term: it appends each write to its log,
 * streams the record to every follower at once, and acknowledges the write (making it
 * visible on the leader) when the write's mode allows:
 *
 * - async: after its own log flush (PostgreSQL synchronous_commit = local, MySQL default);
 * - semi-sync: once one follower has the record on disk (MySQL semi-sync, wait point
 *   AFTER_SYNC, rpl_semi_sync_source_wait_for_replica_count = 1); after 10 s without that,
 *   it gives up and runs asynchronously until a follower has caught up;
 * - sync: once every follower in the synchronous set has applied it (PostgreSQL
 *   synchronous_commit = remote_apply with all standbys listed); no timeout: commits wait.
 *
 * Followers acknowledge every record they receive (and, for sync records, apply). Records
 * a cut link lost are streamed again from the follower's last acknowledged position.
 */
export class LeaderTerm {
  private readonly received = new Map<number, number>();
  private readonly appliedAt = new Map<number, number>();
  private readonly lastTick = new Map<number, number>();
  /** Waiting writes per mode, in log order (each one's threshold only grows). */
  private readonly queues: Record<ReplicationMode, Waiting[]> = { async: [], 'semi-sync': [], sync: [] };
  private readonly visibleAhead = new Set<number>();
  /** Semi-sync gave up after its timeout; back on once a follower has the whole log. */
  asyncFallback = false;
  active = true;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof replicationLagMetrics>,
    readonly self: Replica,
    readonly epoch: number,
    /** Followers whose apply sync writes wait for. */
    readonly syncSet: Set<Replica>,
    private readonly followers: () => Replica[],
    private readonly acknowledge: (offset: number, entry: Entry) => void,
  ) {
    for (const f of followers()) this.received.set(f.index, Math.min(f.log.endOffset, self.log.endOffset));
    for (const f of syncSet) this.appliedAt.set(f.index, f.applied);
    const tick = () => {
      if (!this.active) return;
      this.resendAndTimeOut();
      sim.scheduler.after(RESEND_EVERY_MS, tick);
    };
    sim.scheduler.after(RESEND_EVERY_MS, tick);
  }

  /** A write reached the leader: log it, stream it, wait as its mode says. Returns its position. */
  write(entry: Entry): number {
    const offset = this.self.log.append(entry, this.sim.now);
    const rec = this.self.log.get(offset)!;
    for (const f of this.followers()) this.ship(f, rec);
    const w: Waiting = { offset, entry, flushed: false };
    this.queues[entry.mode].push(w);
    this.sim.scheduler.after(FLUSH_MS, () => {
      w.flushed = true;
      this.settle();
    });
    return offset;
  }

  /** A follower rejoined (after a restart): stream from where its log ends. */
  rejoined(f: Replica): void {
    this.received.set(f.index, f.log.endOffset);
    if (this.syncSet.has(f)) this.appliedAt.set(f.index, f.applied);
    for (const rec of this.self.log.read(f.log.endOffset, 2000)) this.ship(f, rec);
  }

  private ship(f: Replica, rec: LogRecord<Entry>): void {
    const draw = rec.value.drawn ? `log #${rec.offset}` : undefined;
    hop(this.sim, this.self.actor, f.actor, () => this.arrive(f, rec), draw === undefined ? {} : { draw });
  }

  private arrive(f: Replica, rec: LogRecord<Entry>): void {
    if (!f.receive(rec, this.epoch)) return;
    const upto = rec.offset + 1;
    // The follower flushes the record to its log, then tells the leader how far it has received.
    this.sim.scheduler.after(FLUSH_MS, () =>
      hop(this.sim, f.actor, this.self.actor, () => this.onReceived(f, upto)),
    );
  }

  /** A follower applied a record (sync writes wait for this). */
  applied(f: Replica, rec: LogRecord<Entry>): void {
    if (rec.value.mode !== 'sync' || !this.syncSet.has(f)) return;
    hop(this.sim, f.actor, this.self.actor, () => {
      this.appliedAt.set(f.index, Math.max(this.appliedAt.get(f.index) ?? 0, rec.offset + 1));
      this.settle();
    });
  }

  private onReceived(f: Replica, upto: number): void {
    if (!this.active) return;
    this.received.set(f.index, Math.max(this.received.get(f.index) ?? 0, upto));
    if (this.asyncFallback && upto >= this.self.log.endOffset) this.asyncFallback = false;
    this.settle();
  }

  private maxReceived(): number {
    let x = 0;
    for (const v of this.received.values()) x = Math.max(x, v);
    return x;
  }

  private minApplied(): number {
    let x = Infinity;
    for (const v of this.appliedAt.values()) x = Math.min(x, v);
    return x;
  }

  private settle(): void {
    if (!this.active) return;
    this.drain('async', () => true);
    const semi = this.maxReceived();
    this.drain('semi-sync', (w) => this.asyncFallback || semi > w.offset);
    const sync = this.minApplied();
    this.drain('sync', (w) => sync > w.offset);
  }

  private drain(mode: ReplicationMode, ready: (w: Waiting) => boolean): void {
    const q = this.queues[mode];
    let n = 0;
    while (n < q.length && q[n]!.flushed && ready(q[n]!)) this.visible(q[n++]!);
    if (n > 0) q.splice(0, n);
  }

  /** The write becomes visible on the leader and its acknowledgement leaves for the application. */
  private visible(w: Waiting): void {
    this.self.put(w.entry);
    this.visibleAhead.add(w.offset);
    while (this.visibleAhead.delete(this.self.applied)) this.self.applied++;
    this.acknowledge(w.offset, w.entry);
  }

  private resendAndTimeOut(): void {
    const now = this.sim.now;
    const head = this.queues['semi-sync'][0];
    const rec = head && this.self.log.get(head.offset);
    if (rec && !this.asyncFallback && now - rec.appendedAt >= SEMI_SYNC_TIMEOUT_MS) {
      this.asyncFallback = true;
      this.m.inc('semiSyncFallbacks');
      this.settle();
    }
    for (const f of this.followers()) {
      const at = this.received.get(f.index) ?? 0;
      const oldest = this.self.log.get(at);
      const stuck = this.lastTick.get(f.index) === at && oldest && now - oldest.appendedAt >= RESEND_EVERY_MS;
      this.lastTick.set(f.index, at);
      if (stuck && f.up) for (const r of this.self.log.read(at, 2000)) this.ship(f, r);
    }
  }
}
