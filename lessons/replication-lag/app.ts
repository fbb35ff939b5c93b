import type { Rng } from '../../src/engine/random';
import type { Simulation } from '../../src/engine/sim';
import type { Tone } from '../../src/engine/trace';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { hop } from '../../src/kit/transport/hop';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type {
  ClusterSettings,
  ReadRequest,
  Replica as ReplicaView,
  ReplicationLagApi,
  ReplicationMode,
  Session,
} from './api';
import type { Cluster } from './cluster';
import { USERS } from './constants';
import { SHOWN_SESSIONS, type replicationLagMetrics } from './metrics';
import type { Entry, Replica } from './replica';

/** Anomalies are drawn at most this often (each one is counted). */
const ANOMALY_DRAW_GAP_MS = 250;

const MODES: readonly ReplicationMode[] = ['async', 'semi-sync', 'sync'];
const COMMIT_LABEL = { async: 'async', 'semi-sync': 'semiSync', sync: 'sync' } as const;

/** What one answer broke, judged against the reader's session as it stood when the replica answered. */
interface Verdict {
  stale: boolean;
  ryw: boolean;
  monotonic: boolean;
}

/**
 * The application server: it keeps each user's session, sends writes to the leader and
 * reads where the learner's chooseReplica says, and checks every answer against the
 * session guarantees of Terry et al. (1994): read-your-writes (your own profile is never
 * older than your last acknowledged update) and monotonic reads (a profile never goes
 * back to an older version than you already saw). A read is stale when the leader
 * already showed a newer version at the moment the replica answered.
 */
export class App {
  readonly sessions: Session[] = [];
  /** The newest version of each profile each user has seen: seen[user * USERS + profile]. */
  private readonly seen = new Float64Array(USERS * USERS);
  /** The newest acknowledged write of each user (their own profile's version). */
  private readonly ownVersion = new Float64Array(USERS);
  private readonly ackedWrites = new Set<number>();
  private nextWriteId = 1;
  private lastFlagAt = -Infinity;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof replicationLagMetrics>,
    readonly actor: number,
    private readonly cluster: () => Cluster,
    private readonly learner: ReplicationLagApi,
    private readonly settings: ClusterSettings,
    private readonly rng: Rng,
    private readonly drawWrite: number,
    private readonly drawRead: number,
    /** Views issued before this time are checked against the followers (the leader is healthy until then). */
    private readonly steadyUntil: number,
  ) {
    for (let u = 0; u < USERS; u++)
      this.sessions.push({ user: u, lastWritePosition: 0, lastReadPosition: 0, reads: 0 });
  }

  /** Writes sent and not (yet) acknowledged. */
  unacknowledged(): number {
    return this.nextWriteId - 1 - this.ackedWrites.size;
  }

  acked(writeId: number): boolean {
    return this.ackedWrites.has(writeId);
  }

  /** A user updates their profile: the write goes to the current leader. */
  write(user: number): void {
    this.m.inc('writes');
    const writeId = this.nextWriteId++;
    const sentAt = this.sim.now;
    const leader = this.cluster().leader;
    const drawn = this.rng.next() < this.drawWrite;
    hop(
      this.sim,
      this.actor,
      leader.actor,
      () => {
        if (leader.role !== 'leader' || this.cluster().leader !== leader) return; // refused: not the leader
        const position = leader.log.endOffset;
        const mode = this.learner.commitMode({ user, position }, this.settings);
        if (!MODES.includes(mode))
          learnerMistake(
            `commitMode must return 'async', 'semi-sync' or 'sync'; it returned ${String(mode)}`,
          );
        this.m.inc('commits', 1, COMMIT_LABEL[mode]);
        this.cluster().term.write({ writeId, user, mode, sentAt, drawn });
      },
      drawn ? { draw: `UPDATE profile ${user}` } : {},
    );
  }

  /** The leader acknowledged a write: back at the application, the user reloads their profile. */
  ack(leader: Replica, offset: number, entry: Entry): void {
    hop(
      this.sim,
      leader.actor,
      this.actor,
      () => {
        this.ackedWrites.add(entry.writeId);
        this.m.inc('writesAcknowledged');
        this.m.observe('writeLatencyMs', this.sim.now - entry.sentAt);
        const s = this.sessions[entry.user]!;
        s.lastWritePosition = offset + 1;
        const shown = SHOWN_SESSIONS[entry.user];
        if (shown) this.m.set('lastWrite', s.lastWritePosition, shown);
        this.ownVersion[entry.user] = Math.max(this.ownVersion[entry.user]!, entry.writeId);
        this.read(entry.user, entry.user, true);
      },
      entry.drawn ? { draw: `OK #${offset}` } : {},
    );
  }

  /** A user views a profile (or reloads their own right after updating it). */
  read(user: number, profile: number, afterOwnWrite: boolean): void {
    this.m.inc('reads');
    const session = this.sessions[user]!;
    const replicas = this.cluster().replicas;
    const views: ReplicaView[] = replicas.map((r) =>
      Object.freeze({
        index: r.index,
        name: r.name,
        role: r.role === 'leader' ? 'leader' : 'follower',
        appliedPosition: r.applied,
        up: r.up,
      }),
    );
    const request: ReadRequest = Object.freeze({ user, profile, afterOwnWrite });
    const i = this.learner.chooseReplica(request, Object.freeze({ ...session }), Object.freeze(views));
    if (!(Number.isInteger(i) && i >= 0 && i < replicas.length))
      learnerMistake(
        `chooseReplica must return a replica index from 0 to ${replicas.length - 1}; it returned ${String(i)}`,
      );
    const r = replicas[i]!;
    const drawn = this.rng.next() < this.drawRead;
    // The guarantees cover what the session knew when it sent the read (Terry et al.: writes
    // acknowledged, and reads answered, before this read was issued).
    const own = profile === user ? this.ownVersion[user]! : 0;
    const seen = this.seen[user * USERS + profile]!;
    if (!afterOwnWrite && this.sim.now < this.steadyUntil) this.checkFollowers(profile);
    hop(
      this.sim,
      this.actor,
      r.actor,
      () => this.serve(r, session, profile, own, seen, drawn),
      drawn ? { draw: `GET profile ${profile}` } : {},
    );
  }

  /**
   * A view (not a reload, which a write times) is a random instant: it samples how often
   * each follower is behind the leader on the profile viewed, wherever the view is routed.
   */
  private checkFollowers(profile: number): void {
    const leader = this.cluster().leader;
    const newest = leader.version(profile);
    for (const f of this.cluster().replicas) {
      if (f === leader || !f.up) continue;
      const label = f.slow ? 'slow' : 'fast';
      this.m.inc('viewsChecked', 1, label);
      if (f.version(profile) < newest) this.m.inc('viewsBehind', 1, label);
    }
  }

  private serve(r: Replica, s: Session, profile: number, own: number, seen: number, drawn: boolean): void {
    const version = r.version(profile);
    const position = r.applied;
    const follower = r.role !== 'leader';
    const v: Verdict = {
      stale: version < this.cluster().leader.version(profile),
      ryw: version < own,
      monotonic: version < seen,
    };
    const anomaly = v.ryw || v.monotonic;
    const flag = v.ryw ? ' ⚠ not your write' : v.monotonic ? ' ⚠ back in time' : v.stale ? ' (stale)' : '';
    // Every sampled read is drawn, and anomalies besides, at most one each ANOMALY_DRAW_GAP_MS
    // (the starter makes dozens a second; they all count, a few are enough to see).
    const flagged = anomaly && this.sim.now - this.lastFlagAt >= ANOMALY_DRAW_GAP_MS;
    if (flagged) this.lastFlagAt = this.sim.now;
    // The answer is coloured: fresh (green), stale (amber), a broken session guarantee (red).
    const tone: Tone = anomaly ? 'bad' : v.stale ? 'warn' : 'ok';
    const who = anomaly ? `u${s.user} ` : '';
    const draw = drawn || flagged ? { draw: `${who}v${version}${flag}`, tone } : {};
    hop(this.sim, r.actor, this.actor, () => this.answered(s, profile, version, position, follower, v), draw);
  }

  private answered(
    s: Session,
    profile: number,
    version: number,
    position: number,
    follower: boolean,
    v: Verdict,
  ): void {
    this.m.inc('readsAnswered');
    if (follower) this.m.inc('followerReads');
    if (v.stale) this.m.inc('staleReads');
    if (v.ryw) this.m.inc('readYourWritesViolations');
    if (v.monotonic) this.m.inc('monotonicReadViolations');
    const k = s.user * USERS + profile;
    this.seen[k] = Math.max(this.seen[k]!, version);
    s.lastReadPosition = Math.max(s.lastReadPosition, position);
    s.reads++;
  }
}
