import type { Simulation } from '../../src/engine/sim';
import type { Rng } from '../../src/engine/random';
import { AppendLog, type LogRecord } from '../../src/kit/log/append-log';
import { Station } from '../../src/kit/service/station';
import { KvStore } from '../../src/kit/store/kv-store';
import type { ReplicationMode } from './api';

/** One write as it travels in the replication log (MySQL binlog event, PostgreSQL WAL record). */
export interface Entry {
  writeId: number;
  user: number;
  mode: ReplicationMode;
  /** When the application sent it (for its acknowledgement latency). */
  sentAt: number;
  /** Drawn on the page (a sample of the writes). */
  drawn: boolean;
}

export type Role = 'leader' | 'follower' | 'promoting';

/**
 * A database server's data: its log (the leader's WAL/binlog, or a follower's copy of it:
 * relay log, received WAL), the rows (a KvStore: profile → the id of the write that set
 * it) and the follower's replay, one entry at a time in log order (a Station with one
 * server: PostgreSQL's startup process, MySQL's applier thread).
 */
export class Replica {
  readonly log = new AppendLog<Entry>();
  readonly kv = new KvStore<number>();
  /** Entries 0 .. applied−1 are visible to queries here. */
  applied = 0;
  role: Role = 'follower';
  /** The leader term this server follows or leads; log records from another term are refused. */
  epoch = 0;
  /** Index of the leader it follows. */
  leader = 0;
  /** Set while it is the leader of `epoch`: it may hold entries no follower received. */
  ledEpoch = -1;
  readonly replay: Station<LogRecord<Entry>>;
  /** The slow follower (replays slowFollowerFactor times slower than the others). */
  slow = false;
  /** Told when the replay queue becomes empty (a promotion waits for it). */
  onDrained: (() => void) | undefined;

  constructor(
    private readonly sim: Simulation,
    readonly index: number,
    readonly name: string,
    readonly actor: number,
    applyMs: number,
    rng: Rng,
    /** An entry was applied: its record and the replication lag, ms. */
    onApplied: (r: Replica, rec: LogRecord<Entry>) => void,
  ) {
    this.replay = new Station<LogRecord<Entry>>(sim, {
      servers: 1,
      serviceMs: () => rng.exponential(applyMs),
      onDone: (rec) => {
        this.put(rec.value);
        this.applied = rec.offset + 1;
        onApplied(this, rec);
        if (this.replay.queued === 0 && this.replay.busy === 0) this.onDrained?.();
      },
    });
  }

  get up(): boolean {
    return this.sim.isUp(this.actor);
  }

  get drained(): boolean {
    return this.replay.queued === 0 && this.replay.busy === 0;
  }

  /** Makes a write visible here (a write older than what the row holds changes nothing). */
  put(e: Entry): void {
    const key = String(e.user);
    if ((this.kv.get(key) ?? 0) < e.writeId) this.kv.put(key, e.writeId);
  }

  version(profile: number): number {
    return this.kv.get(String(profile)) ?? 0;
  }

  /** A follower takes the next record of its leader's log: false if out of order or of another term. */
  receive(rec: LogRecord<Entry>, epoch: number): boolean {
    if (this.role !== 'follower' || epoch !== this.epoch || rec.offset !== this.log.endOffset) return false;
    const copy = {
      offset: this.log.append(rec.value, rec.appendedAt),
      appendedAt: rec.appendedAt,
      value: rec.value,
    };
    this.replay.submit(copy);
    return true;
  }

  /**
   * After a crash: the rows applied so far are on disk; the unapplied tail of the log is
   * fetched again. A server that led an older term keeps only the log up to where the new
   * leader's log began (`forkAt`) and rebuilds its rows from it (what pg_rewind does).
   */
  rejoin(epoch: number, leader: number, forkAt: number): void {
    this.replay.fail();
    this.replay.recover();
    if (this.ledEpoch >= 0 && this.ledEpoch < epoch && this.log.endOffset > forkAt) {
      this.log.truncateFrom(forkAt);
      this.kv.crash();
      for (const [k] of [...this.kv.entries()]) {
        const tx = this.kv.begin();
        tx.delete(k);
        tx.commit();
      }
      for (const rec of this.log.read(0)) this.put(rec.value);
      this.applied = this.log.endOffset;
    } else {
      this.log.truncateFrom(Math.min(this.applied, this.log.endOffset));
    }
    this.ledEpoch = -1;
    this.role = 'follower';
    this.epoch = epoch;
    this.leader = leader;
  }
}
