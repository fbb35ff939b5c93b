import type { Simulation } from '../../src/engine/sim';
import type { LogRecord } from '../../src/kit/log/append-log';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { LAG_SAMPLE_MS } from './constants';
import { LeaderTerm } from './leader';
import { REPLICA_LABELS, type replicationLagMetrics } from './metrics';
import { failoverMachine, replicaMachine, type FailoverIO, type ReplicaIO } from './model';
import type { ReplicationLagParams } from './params';
import { Replica, type Entry } from './replica';

type Writer = MetricWriter<typeof replicationLagMetrics>;

/**
 * The database servers: db-0 leads at the start, db-1..db-N follow (the last one replays
 * `slowFollowerFactor` times slower). When the leader dies, the failover manager promotes
 * the follower that received the most of the log; acknowledged writes beyond that point
 * are lost with the old leader.
 */
export class Cluster {
  readonly replicas: Replica[] = [];
  term!: LeaderTerm;
  /** Where each term's log began to differ from the one before (the new leader's log end). */
  private forkAt = 0;
  private leaderDownAt = -1;
  private manager = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly m: Writer,
    p: ReplicationLagParams,
    /** A write's acknowledgement leaves the leader. */
    private readonly onAck: (leader: Replica, offset: number, entry: Entry) => void,
    /** Whether the application has seen this write acknowledged. */
    private readonly acked: (writeId: number) => boolean,
  ) {
    const fio: FailoverIO = { promote: () => this.promote() };
    this.manager = sim.spawn('failover', 'failover', failoverMachine, { input: { io: fio } });
    for (let i = 0; i <= p.followers; i++) {
      const factor = i === p.followers && i > 0 ? p.slowFollowerFactor : 1;
      // The machine starts inside spawn, before its Replica exists: its first entry is run below.
      const self = () => this.replicas[i];
      const io: ReplicaIO = {
        startsAsLeader: () => i === 0 && sim.now === 0,
        boot: () => {
          const r = self();
          if (r) this.boot(r);
        },
        replayBacklog: (done) => {
          const r = self()!;
          r.role = 'promoting';
          if (r.drained) done();
          else r.onDrained = done;
        },
        lead: () => {
          const r = self();
          if (r) this.lead(r);
        },
      };
      const actor = sim.spawn(`db-${i}`, 'replica', replicaMachine, {
        input: { io },
        onCrash: () => this.crashed(self()!),
      });
      const r = new Replica(
        sim,
        i,
        `db-${i}`,
        actor,
        p.applyMs * factor,
        sim.rng.fork(`apply-${i}`),
        (x, rec) => this.onApplied(x, rec, factor > 1 ? 'slow' : 'fast'),
      );
      r.slow = factor > 1;
      this.replicas.push(r);
    }
    this.lead(this.replicas[0]!);
    for (const a of this.replicas)
      for (const b of this.replicas)
        if (a !== b) sim.net.configure(a.actor, b.actor, { latencyMs: p.latencyMs, jitterMs: 0, loss: 0 });
    m.set('replicas', this.replicas.length);
    m.set('logStart', 0);
    const sample = () => {
      this.sampleGauges();
      sim.scheduler.after(LAG_SAMPLE_MS, sample);
    };
    sim.scheduler.after(LAG_SAMPLE_MS, sample);
  }

  get leader(): Replica {
    return this.term.self;
  }

  private followers(): Replica[] {
    return this.replicas.filter((r) => r !== this.term.self);
  }

  private onApplied(r: Replica, rec: LogRecord<Entry>, label: 'fast' | 'slow'): void {
    this.m.observe('replicationLagMs', this.sim.now - rec.appendedAt, label);
    if (this.term && r.epoch === this.term.epoch) this.term.applied(r, rec);
  }

  private lead(r: Replica): void {
    const epoch = this.term ? this.term.epoch + 1 : 0;
    if (this.term) this.term.active = false;
    r.role = 'leader';
    r.onDrained = undefined;
    r.epoch = epoch;
    r.ledEpoch = epoch;
    r.applied = r.log.endOffset;
    const followers = () => this.replicas.filter((x) => x !== r);
    const syncSet = new Set(followers().filter((x) => x.up));
    for (const f of followers()) {
      f.epoch = epoch;
      f.leader = r.index;
    }
    this.term = new LeaderTerm(this.sim, this.m, r, epoch, syncSet, followers, (offset, entry) =>
      this.onAck(r, offset, entry),
    );
    if (this.leaderDownAt >= 0) {
      this.m.inc('writeOutageMs', this.sim.now - this.leaderDownAt);
      this.leaderDownAt = -1;
    }
    for (const f of followers()) if (f.up) this.term.rejoined(f);
  }

  private boot(r: Replica): void {
    if (!this.term) return; // first boot, before the leader exists: nothing to rejoin
    r.rejoin(this.term.epoch, this.term.self.index, this.forkAt);
    if (r !== this.term.self && this.term.self.role === 'leader') this.term.rejoined(r);
  }

  private crashed(r: Replica): void {
    r.replay.fail();
    if (this.term && r === this.term.self && this.leaderDownAt < 0) {
      this.leaderDownAt = this.sim.now;
      this.term.active = false;
      this.sim.ref(this.manager)?.send({ type: 'LEADER_DOWN' });
    }
  }

  /** The failover manager's decision: the live follower with the longest log (then the most applied). */
  private promote(): boolean {
    const old = this.term.self;
    const best = this.replicas
      .filter((r) => r !== old && r.up && r.role === 'follower')
      .sort((a, b) => b.log.endOffset - a.log.endOffset || b.applied - a.applied || a.index - b.index)[0];
    if (!best) return false;
    let lost = 0;
    for (const rec of old.log.read(best.log.endOffset)) if (this.acked(rec.value.writeId)) lost++;
    this.m.inc('acknowledgedWritesLost', lost);
    this.m.inc('failovers');
    this.forkAt = best.log.endOffset;
    old.role = 'follower';
    // Records of the old term still in flight are refused from now on.
    for (const r of this.replicas) r.epoch = this.term.epoch + 1;
    this.sim.ref(best.actor)?.send({ type: 'PROMOTE' });
    return true;
  }

  private sampleGauges(): void {
    const leader = this.term.self;
    let lagMs = 0;
    let lagEntries = 0;
    for (const r of this.replicas) {
      const label = REPLICA_LABELS[r.index]!;
      this.m.set('logEnd', r.log.endOffset, label);
      this.m.set('applied', r.applied, label);
      if (r === leader || !r.up || !leader.up) continue;
      const oldest = leader.log.get(r.applied);
      if (oldest) lagMs = Math.max(lagMs, this.sim.now - oldest.appendedAt);
      lagEntries = Math.max(lagEntries, leader.log.endOffset - r.applied);
    }
    this.m.set('leaderLogEnd', leader.log.endOffset);
    this.m.set('lagMs', Math.round(lagMs));
    this.m.set('lagEntries', lagEntries);
  }
}
