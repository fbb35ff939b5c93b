import type { Simulation } from '../../src/engine/sim';
import type { PendingRequests } from '../../src/kit/http/pending';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { PollAnswer, PollingApi, PollSettings } from './api';
import type { pollingMetrics } from './metrics';
import { clientMachine, type ClientIO } from './model';
import { TabActor } from './tab-actor';
import type { PollingParams } from './params';

export interface TabSetup {
  sim: Simulation;
  m: MetricWriter<typeof pollingMetrics>;
  p: PollingParams;
  /** Publication time of each update, by index. */
  feed: number[];
  pending: PendingRequests;
  server: number;
  settings: PollSettings;
  learner: PollingApi;
  /** Drive tabs with xstate's interpreter of clientMachine instead of TabActor (the equivalence test does). */
  machineTabs?: boolean;
}

function checkedDelay(d: unknown): number {
  if (typeof d !== 'number' || !Number.isFinite(d) || d < 0)
    learnerMistake(`nextPollDelay must return a number of ms >= 0; it returned ${String(d)}`);
  return d as number;
}

/** One browser tab that polls the feed; its policy (learner code) decides when to ask again. */
export function spawnTab(t: TabSetup, i: number, openAfterMs: number): void {
  const { sim, m, p, feed, pending, server, settings, learner } = t;
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
  const requestTimeoutMs = p.holdTimeoutMs + 4 * p.latencyMs + 5000;
  const input = { io, strategy: p.strategy, settings, requestTimeoutMs, openAfterMs };
  const name = `client-${i + 1}`;
  self = t.machineTabs
    ? sim.spawn(name, 'client', clientMachine, { input })
    : sim.spawnPlain(name, 'client', (id) => new TabActor(sim, id, input));
}
