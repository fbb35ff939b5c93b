import type { Simulation } from '../../src/engine/sim';
import { MessageQueue } from '../../src/kit/broker/queue';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import type { MessageQueueApi, QueueSettings } from './api';
import { startAutoscaler } from './autoscaler';
import { serveReceive, spawnConsumer, type Consumer, type Shared } from './consumers';
import { consumerMetrics } from './metrics';
import { producerMachine, queueMachine, type QueueIO } from './model';
import type { MessageQueueParams } from './params';
import { calmWindow, DRAINED_BELOW, LINK_MS, MAX_CONSUMERS, PRODUCERS, RESTART_AFTER_MS } from './constants';

export function buildMessageQueue(sim: Simulation, p: MessageQueueParams, learner: MessageQueueApi): void {
  const m = new MetricWriter(sim.metrics, consumerMetrics, () => sim.now);
  sim.net.defaults = { latencyMs: LINK_MS, jitterMs: 0, loss: 0 };
  const queue = new MessageQueue<number>(sim, {
    visibilityTimeoutMs: p.visibilityTimeoutMs,
    maxReceiveCount: p.maxAttempts,
  });
  const settings: QueueSettings = {
    visibilityTimeoutMs: p.visibilityTimeoutMs,
    maxAttempts: p.maxAttempts,
    processingMs: p.processingMs,
    consumers: p.consumers,
    maxConsumers: MAX_CONSUMERS,
  };
  const calm = calmWindow(p);
  /** The queue's id of each message that reached it. */
  const queueIdOf = new Map<number, number>();
  let crashPending = false;
  const consumers: Consumer[] = [];
  const shared: Shared = {
    sim,
    queue,
    queueActor: () => queueId,
    m,
    learner,
    settings,
    sentAt: [],
    poison: [],
    processedCount: [],
    inHand: new Set(),
    onFirstReceive: (index, waitMs) => {
      const sent = shared.sentAt[index] as number;
      if (sent < calm.startMs || sent >= calm.endMs) return;
      m.observe('steadyWaitMs', waitMs);
      if (waitMs > 0) m.inc('steadyWaited');
    },
    onAttempt: (c, workMs) => {
      if (!crashPending) return;
      crashPending = false;
      crashMidMessage(c, workMs);
    },
  };

  // The consumer dies in the middle of its message; its supervisor restarts it later.
  const crashMidMessage = (c: Consumer, workMs: number) => {
    sim.scheduler.after(workMs / 2, () => {
      sim.applyFault({ at: sim.now, kind: 'crash', actor: c.name });
      sim.scheduler.after(RESTART_AFTER_MS, () =>
        sim.applyFault({ at: sim.now, kind: 'restart', actor: c.name }),
      );
    });
  };

  const io: QueueIO = {
    send: (index) => {
      queueIdOf.set(index, queue.send(index));
    },
    receive: (from) => {
      const c = consumers.find((x) => x.id === from);
      if (c) serveReceive(shared, c);
    },
    remove: (queueId, receipt) => {
      queue.delete({ id: queueId, receipt });
    },
    release: (queueId, receipt) => {
      queue.changeVisibility({ id: queueId, receipt }, 0);
    },
  };
  const queueId = sim.spawn('queue', 'queue', queueMachine, {
    input: { io },
    // The queue's storage is durable (SQS keeps copies in several zones); what dies with its
    // front end is the long polls waiting on it.
    onCrash: () => {
      for (const c of consumers) if (c.waiter) queue.cancelWait(c.waiter);
    },
  });

  // Producers: Poisson arrivals at rate/PRODUCERS each, plus the extra rate during the spike.
  const poisonRng = sim.rng.fork('poison');
  for (let k = 1; k <= PRODUCERS; k++) {
    const id = sim.spawn(`producer-${k}`, 'producer', producerMachine);
    const produce = () => {
      const index = shared.sentAt.length;
      shared.sentAt.push(sim.now);
      const poison = poisonRng.bernoulli(p.failureRate);
      shared.poison.push(poison);
      if (poison) m.inc('poisonSent');
      sim.send(id, queueId, { type: 'SEND', index }, 'Send');
    };
    const rate = p.messagesPerSecond / PRODUCERS;
    poisson(sim.scheduler, sim.rng.fork(`producer-${k}`), rate, produce);
    if (p.spikeFactor > 1 && p.spikeAtMs < p.durationMs) {
      sim.scheduler.at(p.spikeAtMs, () => {
        sim.ref(id)?.send({ type: 'SPIKE' });
        const stop = poisson(sim.scheduler, sim.rng.fork(`spike-${k}`), rate * (p.spikeFactor - 1), produce);
        sim.scheduler.at(p.spikeAtMs + p.spikeDurationMs, () => {
          stop();
          sim.ref(id)?.send({ type: 'CALM' });
        });
      });
    }
  }

  for (let i = 1; i <= p.consumers; i++) consumers.push(spawnConsumer(shared, i));
  startAutoscaler(shared, consumers, () => consumers.push(spawnConsumer(shared, consumers.length + 1)));

  if (p.crashAtMs > 0 && p.crashAtMs < p.durationMs)
    sim.scheduler.at(p.crashAtMs, () => {
      // The first consumer busy with a message dies; if none is busy, the next one to start one.
      const busy = consumers.find((c) => c.busy && c.up);
      if (busy) crashMidMessage(busy, 0);
      else crashPending = true;
    });

  let startArea = 0;
  sim.scheduler.at(calm.startMs, () => (startArea = queue.backlogArea()));
  if (calm.endMs < p.durationMs)
    sim.scheduler.at(calm.endMs, () => m.inc('steadyBacklogArea', queue.backlogArea() - startArea));
  watchSpikeDrain(sim, p, queue, m);

  atEndOfRun(sim, p.durationMs, () => {
    if (calm.endMs >= p.durationMs) m.inc('steadyBacklogArea', queue.backlogArea() - startArea);
    queue.settle();
    m.settle();
    countFates(shared, queue, queueIdOf, m);
  });
}

/** Watches the backlog after the spike until it is back under DRAINED_BELOW. */
function watchSpikeDrain(
  sim: Simulation,
  p: MessageQueueParams,
  queue: MessageQueue<number>,
  m: MetricWriter<typeof consumerMetrics>,
): void {
  const end = p.spikeAtMs + p.spikeDurationMs;
  if (p.spikeFactor <= 1 || end >= p.durationMs) return;
  const check = () => {
    if (queue.visible < DRAINED_BELOW) {
      m.inc('spikeDrainMs', sim.now - end);
      m.inc('spikeDrained');
      return;
    }
    if (sim.now + 100 >= p.durationMs) m.inc('spikeDrainMs', p.durationMs - end);
    else sim.scheduler.after(100, check);
  };
  sim.scheduler.at(end, check);
}

/** Where every message ended: processed, dead-lettered, still pending, or lost. */
function countFates(
  s: Shared,
  queue: MessageQueue<number>,
  qidOf: ReadonlyMap<number, number>,
  m: MetricWriter<typeof consumerMetrics>,
): void {
  for (let i = 0; i < s.sentAt.length; i++) {
    const qid = qidOf.get(i);
    if (qid === undefined) continue; // never reached the queue (a cut link)
    const state = queue.stateOf(qid);
    const pending = state === 'visible' || state === 'inFlight';
    if (pending) m.inc('pendingAtEnd');
    // Acknowledged and never processed, and no running consumer is still on it.
    if (state === 'deleted' && !s.processedCount[i] && !s.inHand.has(i)) m.inc('lost');
    if (s.poison[i]) {
      if (state === 'deadLettered') m.inc('poisonDeadLettered');
      if (pending) m.inc('poisonPending');
    }
  }
}
