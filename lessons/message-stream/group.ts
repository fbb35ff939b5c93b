import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { Assignor } from './api';
import { HEARTBEAT_MS, SESSION_TIMEOUT_MS } from './constants';
import { coordinatorMachine, type CoordinatorIO } from './model';
import type { Group, Member, Topic } from './topic';

/**
 * A group's coordinator: who is in the group (JoinGroup, heartbeats), eviction after
 * session.timeout.ms of silence, and the assignment at the end of each rebalance
 * (https://kafka.apache.org/documentation/#consumerconfigs_session.timeout.ms,
 * https://kafka.apache.org/38/javadoc/org/apache/kafka/clients/consumer/KafkaConsumer.html).
 */
export function spawnCoordinator(topic: Topic, g: Group, byId: Map<number, Member>, assign: Assignor): void {
  const { sim, m } = topic;
  let formed = false;
  const io: CoordinatorIO = {
    joined: (member) => g.members.set(member, sim.now),
    left: (member) => g.members.delete(member),
    heartbeat: (member) => {
      if (g.members.has(member)) g.members.set(member, sim.now);
      // An evicted member that is still alive (its heartbeats were cut off) is told to rejoin.
      else sim.send(g.coordinator, member, { type: 'REBALANCE' }, 'Rejoin');
    },
    prepare: () => {
      m.add('rebalancing', 1, g.name);
      if (formed) m.inc('rebalances', 1, g.name);
      formed = true;
      // Each member learns of it in the answer to its next heartbeat.
      for (const id of g.members.keys()) sim.send(g.coordinator, id, { type: 'REBALANCE' }, 'Rebalance');
    },
    complete: () => {
      m.add('rebalancing', -1, g.name);
      const members = [...g.members.keys()].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
      const lists = members.length
        ? checked(assign(topic.p.partitions, members.map(nameOf)), members.length)
        : [];
      g.generation++;
      g.owner.fill(undefined);
      const owned = new Set<number>();
      lists.forEach((parts, i) => {
        const member = byId.get(members[i]!);
        for (const p of parts) {
          owned.add(p);
          g.owner[p] = member;
        }
      });
      if (members.length) m.inc('orphanedPartitions', topic.p.partitions - owned.size);
      // The new owner of each partition starts from the group's committed offset.
      for (let p = 0; p < topic.p.partitions; p++) {
        g.position[p] = g.committed[p]!;
        topic.updateLag(p);
      }
      members.forEach((id, i) =>
        sim.send(g.coordinator, id, { type: 'ASSIGNED', partitions: lists[i] ?? [] }, 'Assignment'),
      );
    },
  };
  const nameOf = (id: number) => byId.get(id)?.name ?? `#${id}`;
  const checked = (lists: unknown, n: number): number[][] => {
    const P = topic.p.partitions;
    if (!Array.isArray(lists) || lists.length !== n)
      learnerMistake(
        `assign must return one list per member (${n} lists); it returned ${JSON.stringify(lists)}`,
      );
    const seen = new Set<number>();
    for (const list of lists as unknown[]) {
      if (!Array.isArray(list))
        learnerMistake(`assign must return lists of partitions; got ${JSON.stringify(list)}`);
      for (const p of list as unknown[]) {
        if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= P)
          learnerMistake(`assign returned partition ${String(p)}; partitions are 0 to ${P - 1}`);
        if (seen.has(p))
          learnerMistake(
            `assign gave partition ${p} to two members; within a group a partition has at most one`,
          );
        seen.add(p);
      }
    }
    return lists as number[][];
  };
  g.coordinator = sim.spawn(`coordinator-${g.name}`, 'coordinator', coordinatorMachine, { input: { io } });

  // Eviction: a member silent for session.timeout.ms leaves the group (checked every heartbeat interval).
  const check = () => {
    if (sim.isUp(g.coordinator))
      for (const [id, last] of g.members)
        if (sim.now - last > SESSION_TIMEOUT_MS) sim.ref(g.coordinator)?.send({ type: 'LEAVE', member: id });
    sim.scheduler.after(HEARTBEAT_MS / 3, check);
  };
  sim.scheduler.after(HEARTBEAT_MS / 3, check);
}
