import type { Simulation } from '../../src/engine/sim';
import { hash32 } from '../../src/kit/keyspace/hash';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { startRetention } from '../../src/kit/log/retention';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { Zipf } from '../../src/kit/workloads/zipf';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { MessageStreamApi } from './api';
import {
  CRASHED_CONSUMER,
  GROUPS,
  LINK_MS,
  RESTART_AFTER_MS,
  RETENTION_CHECK_MS,
  type GroupName,
} from './constants';
import { spawnConsumer } from './consumers';
import { spawnCoordinator } from './group';
import { messageStreamMetrics } from './metrics';
import { brokerMachine, producerMachine, type BrokerIO } from './model';
import type { MessageStreamParams } from './params';
import { Topic, type Member } from './topic';

/** Producer, broker, two coordinators and two consumer groups reading one topic. */
export function buildMessageStream(sim: Simulation, p: MessageStreamParams, learner: MessageStreamApi): void {
  const m = new MetricWriter(sim.metrics, messageStreamMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: LINK_MS, jitterMs: 0, loss: 0 };
  const topic = new Topic(sim, p, m);
  const byId = new Map<number, Member>();

  const brokerIO: BrokerIO = {
    append: (key, keySeq, partition) => topic.append({ key, keySeq, partition }),
    commit: (from, offsets, generation) => {
      const member = byId.get(from);
      const g = member && topic.groups[member.group];
      // A commit from an older generation is refused (Kafka's CommitFailedException).
      if (!g || generation !== g.generation) return;
      for (const [q, offset] of offsets) if (g.owner[q] === member) topic.setCommitted(g, q, offset);
    },
  };
  topic.broker = sim.spawn('broker', 'broker', brokerMachine, { input: { io: brokerIO } });
  const producer = sim.spawn('producer', 'producer', producerMachine);
  for (const g of GROUPS) spawnCoordinator(topic, topic.groups[g], byId, learner.assign);
  for (const g of GROUPS) for (let i = 1; i <= p.consumers; i++) spawnConsumer(topic, g, i, byId);

  // Posts: Poisson arrivals, authors drawn from a Zipf law, the learner's partitioner.
  const authors = new Zipf(p.keys, p.keySkew, sim.rng.fork('authors'));
  const keySeq = new Int32Array(p.keys);
  let sequence = 0;
  const hash = (key: number) => hash32(key);
  poisson(sim.scheduler, sim.rng.fork('posts'), p.recordsPerSecond, () => {
    const key = authors.next();
    const partition = learner.partition({ key, sequence: sequence++, hash }, p.partitions);
    if (
      typeof partition !== 'number' ||
      !Number.isInteger(partition) ||
      partition < 0 ||
      partition >= p.partitions
    )
      learnerMistake(
        `partition must return a whole number from 0 to ${p.partitions - 1}; it returned ${String(partition)}`,
      );
    sim.send(producer, topic.broker, { type: 'PRODUCE', key, keySeq: keySeq[key]!++, partition }, 'Produce');
  });

  startRetention(sim, topic.logs, {
    retentionMs: p.retentionMs,
    checkIntervalMs: RETENTION_CHECK_MS,
    onDelete: (records) => topic.expired(records),
  });

  if (p.crashAtMs > 0 && p.crashAtMs < p.durationMs) {
    sim.scheduler.at(p.crashAtMs, () =>
      sim.applyFault({ at: sim.now, kind: 'crash', actor: CRASHED_CONSUMER }),
    );
    sim.scheduler.at(p.crashAtMs + RESTART_AFTER_MS, () =>
      sim.applyFault({ at: sim.now, kind: 'restart', actor: CRASHED_CONSUMER }),
    );
  }
  if (p.replayAtMs > 0 && p.replayAtMs < p.durationMs)
    sim.scheduler.at(p.replayAtMs, () => rewind(topic, 'blog'));

  atEndOfRun(sim, p.durationMs, () => {
    topic.settle();
    m.settle();
    let idle = 0;
    for (const member of byId.values())
      if (member.up && topic.groups[member.group].members.has(member.id) && member.assigned.length === 0)
        idle++;
    m.inc('idleConsumers', idle);
  });
}

/** The group seeks to the start of every partition (KafkaConsumer.seekToBeginning) and reads it all again. */
function rewind(topic: Topic, name: GroupName): void {
  const g = topic.groups[name];
  for (let q = 0; q < topic.p.partitions; q++) {
    g.replayBelow[q] = g.highWater[q]!;
    g.owner[q]?.abort();
    g.position[q] = topic.logs[q]!.startOffset;
    topic.updateLag(q);
  }
  for (const owner of new Set(g.owner)) owner?.poke();
}
