import type { Simulation } from '../../src/engine/sim';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { KvStore } from '../../src/kit/store/kv-store';
import { hop } from '../../src/kit/transport/hop';
import { poisson } from '../../src/kit/workloads/arrivals';
import type { ReplicationMethodsApi } from './api';
import { LINK_MS, STATEMENT_MS, TEAMS, USERS } from './constants';
import { replicationMethodsMetrics } from './metrics';
import { followerMachine, leaderMachine } from './model';
import type { ReplicationMethodsParams } from './params';
import { Leader, type Shipment } from './leader';
import { replay, walBlocked } from './replay';
import { DETERMINISTIC, NONDETERMINISTIC, type Kind } from './statements';

/** No new statement starts in the last stretch, so every one has reached the followers at the end. */
const QUIET_MS = 500;
/** Statements drawn per second on the sequence view. */
const DRAWN_PER_SECOND = 4;

export interface Follower {
  name: string;
  actor: number;
  /** PostgreSQL major version it runs (the leader runs 16). */
  version: number;
  store: KvStore<string>;
  stopped: boolean;
  diverged: boolean;
}

/** A leader (db-0) and two followers: db-1 on the same major version, db-2 on the next one (an upgrade under way). */
export function buildReplicationMethods(
  sim: Simulation,
  p: ReplicationMethodsParams,
  learner: ReplicationMethodsApi,
): void {
  const m = new MetricWriter(sim.metrics, replicationMethodsMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: LINK_MS, jitterMs: 0, loss: 0 };
  const leaderActor = sim.spawn('db-0', 'leader', leaderMachine);
  const followers: Follower[] = [1, 2].map((i) => ({
    name: `db-${i}`,
    actor: sim.spawn(`db-${i}`, 'follower', followerMachine),
    version: i === 1 ? 16 : 17,
    store: new KvStore<string>(),
    stopped: false,
    diverged: false,
  }));
  const leader = new Leader(sim, p.method, learner, sim.rng.fork('leader-values'));
  const followerRng = followers.map((f) => sim.rng.fork(`values-${f.name}`));
  let shipped = 0;
  let diverged = 0;

  const deliver = (f: Follower, k: number, s: Shipment) => {
    if (f.stopped) return;
    if (p.method === 'wal' && walBlocked(f.version)) {
      f.stopped = true;
      m.inc('followersStopped');
      sim.ref(f.actor)?.send({ type: 'INCOMPATIBLE', reason: `WAL from 16 on ${f.version}` });
      return;
    }
    if (!replay(f.store, s, sim.now, followerRng[k]!)) {
      diverged++;
      m.inc('divergedStatements');
      m.set('divergedSoFar', diverged);
      if (!f.diverged) sim.ref(f.actor)?.send({ type: 'DIVERGED' });
      f.diverged = true;
    }
  };

  const kinds = sim.rng.fork('kinds');
  const pick = (): Kind => {
    if (kinds.next() < p.nondeterministicShare) return NONDETERMINISTIC[kinds.int(NONDETERMINISTIC.length)]!;
    let u = kinds.next();
    for (const d of DETERMINISTIC) if ((u -= d.weight) < 0) return d.kind;
    return DETERMINISTIC[0]!.kind;
  };
  const lastStart = p.durationMs - QUIET_MS;
  const drawP = Math.min(1, DRAWN_PER_SECOND / p.writesPerSecond);
  poisson(sim.scheduler, sim.rng.fork('arrivals'), p.writesPerSecond, () => {
    if (sim.now > lastStart) return;
    const kind = pick();
    const user = kinds.int(USERS);
    const team = kinds.int(TEAMS);
    const drawn = kinds.next() < drawP;
    leader.run(kind, user, team, kinds.exponential(STATEMENT_MS), (s) => {
      m.inc('statements');
      m.inc('bytesShipped', s.bytes);
      m.inc('rowBytesEquivalent', s.rowBytes);
      if (s.asRows) m.inc('shippedAsRows');
      shipped += s.bytes;
      m.set('shippedBytesSoFar', shipped);
      const label = drawn ? (s.asRows ? `${s.changes.length} row changes` : s.sql) : undefined;
      followers.forEach((f, k) =>
        hop(sim, leaderActor, f.actor, () => deliver(f, k, s), label ? { draw: label } : {}),
      );
    });
  });

  atEndOfRun(sim, p.durationMs, () => {
    for (const f of followers) if (!f.stopped) m.inc('divergentRows', differingRows(leader.store, f.store));
  });
}

/** Rows (a table and id: `users/17`) where any column differs between the two stores. */
function differingRows(a: KvStore<string>, b: KvStore<string>): number {
  const rows = new Set<string>();
  const row = (key: string) => key.slice(0, key.lastIndexOf('/'));
  for (const [k, v] of a.entries()) if (b.get(k) !== v) rows.add(row(k));
  for (const [k, v] of b.entries()) if (a.get(k) !== v) rows.add(row(k));
  return rows.size;
}
