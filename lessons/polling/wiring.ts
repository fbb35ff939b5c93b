import type { Simulation } from '../../src/engine/sim';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { PendingRequests } from '../../src/kit/http/pending';
import { poisson } from '../../src/kit/workloads/arrivals';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { PollAnswer, PollingApi } from './api';
import { pollingMetrics } from './metrics';
import { clientMachine, serverMachine, type ClientEvent, type ClientIO, type ServerIO } from './model';
import type { PollingParams } from './params';

/** Payload bytes of one update in an answer (a small JSON object). */
const UPDATE_BYTES = 100;
const FAILURE_LABEL = { refused: 'RST (connection refused)', reset: 'RST (server down)' } as const;

function checkedDelay(d: unknown): number {
  if (typeof d !== 'number' || !Number.isFinite(d) || d < 0)
    learnerMistake(`nextPollDelay must return a number of ms >= 0; it returned ${String(d)}`);
  return d as number;
}

/** Creates the feed, the server and the clients of one polling run. */
export function buildPolling(sim: Simulation, p: PollingParams, learner: PollingApi): void {
  const m = new MetricWriter(sim.metrics, pollingMetrics, () => sim.now);
  const feed: number[] = [];
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.2, loss: 0 };
  let server = -1;
  const pending = new PendingRequests(
    sim,
    () => server,
    p.latencyMs,
    (client, why) => {
      m.inc('failedRequests');
      sim.send(server, client, { type: 'FAILED', from: server } satisfies ClientEvent, FAILURE_LABEL[why]);
    },
  );
  const serverIO: ServerIO = {
    feedLength: () => feed.length,
    answer: (client, from, to) => {
      if (to === from) m.inc('emptyResponses');
      m.inc('bytesOnWire', (to - from) * UPDATE_BYTES);
      const label = to > from ? `200 (${to - from} update${to - from > 1 ? 's' : ''})` : 'empty';
      sim.send(
        server,
        client,
        { type: 'ANSWER', from: server, since: from, to } satisfies ClientEvent,
        label,
      );
    },
    setOpenRequests: (n) => m.set('openRequests', n),
  };
  server = sim.spawn('server', 'server', serverMachine, {
    input: { holdTimeoutMs: p.holdTimeoutMs, io: serverIO },
    onCrash: () => {
      m.set('openRequests', 0);
      pending.serverCrashed();
    },
  });

  const settings = {
    pollIntervalMs: p.pollIntervalMs,
    holdTimeoutMs: p.holdTimeoutMs,
    latencyMs: p.latencyMs,
  };
  const starts = sim.rng.fork('client-start');
  for (let i = 0; i < p.clients; i++) {
    let self = -1;
    const io: ClientIO = {
      now: () => sim.now,
      feedLength: () => feed.length,
      poll: (since, hold) => {
        m.inc('requests');
        m.inc('bytesOnWire', p.headerBytes);
        sim.send(
          self,
          server,
          { type: 'POLL', from: self, since, hold },
          hold ? 'GET /feed (hold)' : 'GET /feed',
        );
        pending.sent(self);
      },
      receive: (from, to) => {
        pending.answered(self);
        for (let k = from; k < to; k++) m.observe('deliveryLatencyMs', sim.now - (feed[k] as number));
        m.inc('eventsDelivered', Math.max(0, to - from));
      },
      nextDelay: (answer: PollAnswer) => checkedDelay(learner.nextPollDelay(answer, settings)),
    };
    // Tabs open at different moments within the first poll interval.
    const openAfterMs = starts.uniform(0, p.pollIntervalMs);
    const requestTimeoutMs = p.holdTimeoutMs + 4 * p.latencyMs + 5000;
    const input = { io, strategy: p.strategy, settings, requestTimeoutMs, openAfterMs };
    self = sim.spawn(`client-${i + 1}`, 'client', clientMachine, { input });
  }

  // The feed: updates appear at Poisson times.
  poisson(sim.scheduler, sim.rng.fork('feed'), p.eventsPerSecond, () => {
    feed.push(sim.now);
    m.inc('updatesPublished');
    sim.ref(server)?.send({ type: 'PUBLISH' });
  });
}
