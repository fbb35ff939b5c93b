import type { Task } from '../../src/engine/scheduler';
import { COMMIT_INTERVAL_MS, HEARTBEAT_MS, type GroupName } from './constants';
import { consumerMachine, type ConsumerIO } from './model';
import type { Member, PostRecord, Topic } from './topic';

/**
 * One consumer of a group. Its fetch loop reads the oldest unprocessed record among its
 * partitions, processes it for an exponential time, moves its position on; every
 * auto.commit.interval it commits its positions (OffsetCommit). A record processed after the
 * last commit is processed again by whoever reads the partition after a rebalance: Kafka's
 * at-least-once (https://kafka.apache.org/documentation/#semantics).
 */
export function spawnConsumer(
  topic: Topic,
  group: GroupName,
  index: number,
  byId: Map<number, Member>,
): Member {
  const { sim, m, p } = topic;
  const g = topic.groups[group];
  const rng = sim.rng.fork(`${group}-${index}`);
  let work: Task | undefined;
  let heartbeat: Task | undefined;
  let commitTimer: Task | undefined;
  const c: Member = {
    id: sim.actors.length,
    name: `${group}-${index}`,
    group,
    up: false,
    assigned: [],
    fetching: false,
    poke: () => next(),
    abort: () => {
      sim.scheduler.cancel(work);
      work = undefined;
    },
  };
  byId.set(c.id, c);

  const commit = () => {
    const offsets = c.assigned.filter((q) => g.owner[q] === c).map((q) => [q, g.position[q]!] as const);
    if (offsets.length)
      sim.send(c.id, topic.broker, { type: 'COMMIT', offsets, generation: g.generation }, 'OffsetCommit');
  };
  const autoCommit = () => {
    commit();
    commitTimer = sim.scheduler.after(COMMIT_INTERVAL_MS, autoCommit);
  };
  const beat = () => {
    sim.send(c.id, g.coordinator, { type: 'HEARTBEAT' }, 'Heartbeat');
    heartbeat = sim.scheduler.after(HEARTBEAT_MS, beat);
  };

  /** Picks the partition whose next record was appended first (one consumer serves them in arrival order). */
  const next = () => {
    if (!c.up || !c.fetching || work) return;
    let best = -1;
    let bestAt = Infinity;
    for (const q of c.assigned) {
      if (g.owner[q] !== c) continue;
      const log = topic.logs[q]!;
      // Below the log start (retention deleted it): auto.offset.reset = earliest.
      if (g.position[q]! < log.startOffset) g.position[q] = log.startOffset;
      const r = log.get(g.position[q]!);
      if (r && r.appendedAt < bestAt) {
        best = q;
        bestAt = r.appendedAt;
      }
    }
    if (best < 0) return;
    const rec = topic.logs[best]!.get(g.position[best]!)!;
    work = sim.scheduler.after(rng.exponential(p.processingMs), () => {
      work = undefined;
      // A member evicted meanwhile (its heartbeats cut off) no longer owns the partition: its
      // result is thrown away, as Kafka refuses its commit; the new owner reads the record again.
      if (g.owner[best] === c) done(rec.offset, rec.value, rec.appendedAt);
      next();
    });
  };

  const done = (offset: number, r: PostRecord, appendedAt: number) => {
    const q = r.partition;
    if (offset < g.highWater[q]!) {
      if (offset < g.replayBelow[q]!) m.inc('recordsReplayed');
      else m.inc('duplicates', 1, group);
    } else {
      g.highWater[q] = offset + 1;
      m.inc('processed', 1, group);
      m.observe('latencyMs', sim.now - appendedAt, group);
      if (r.keySeq < g.maxSeq[r.key]!) m.inc('orderingViolations', 1, group);
      else g.maxSeq[r.key] = r.keySeq;
      if (group === 'blog') {
        if (topic.inCalm(appendedAt)) m.observe('steadyLatencyMs', sim.now - appendedAt);
        if (topic.inCalm(sim.now)) m.inc('steadyProcessed');
      }
    }
    g.position[q] = offset + 1;
    topic.updateLag(q);
  };

  const stop = () => {
    c.abort();
    c.fetching = false;
    sim.scheduler.cancel(commitTimer);
    commitTimer = undefined;
  };

  const io: ConsumerIO = {
    join: () => {
      if (!c.up) {
        // A (re)started process: a new member, heartbeating from now on.
        c.up = true;
        beat();
      } else {
        // A rebalance (eager): stop, commit what is done, give the partitions up.
        stop();
        commit();
      }
      c.assigned = [];
      sim.send(c.id, g.coordinator, { type: 'JOIN' }, 'JoinGroup');
    },
    start: (partitions) => {
      c.assigned = partitions;
      c.fetching = partitions.length > 0;
      if (c.fetching) commitTimer = sim.scheduler.after(COMMIT_INTERVAL_MS, autoCommit);
      next();
    },
  };
  const spawned = sim.spawn(c.name, 'consumer', consumerMachine, {
    input: { io },
    onCrash: () => {
      stop();
      sim.scheduler.cancel(heartbeat);
      c.up = false;
      c.assigned = [];
      m.inc('consumerCrashes');
    },
  });
  if (spawned !== c.id) throw new Error(`consumer ${c.name} got actor id ${spawned}, expected ${c.id}`);
  return c;
}
