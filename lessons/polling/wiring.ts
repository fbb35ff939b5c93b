import type { Simulation } from '../../src/engine/sim';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { ParamsOf } from '../../src/lesson/params';
import type { PollAnswer, PollingApi } from './api';
import type { pollingParams } from './index';
import {
  clientMachine,
  serverMachine,
  type ClientEvent,
  type ClientIO,
  type ServerEvent,
  type ServerIO,
} from './model';

type Params = ParamsOf<typeof pollingParams>;

/** Payload bytes of one update in an answer (a small JSON object). */
const UPDATE_BYTES = 100;

/** Creates the feed, the server and the clients of one polling run. */
export function buildPolling(sim: Simulation, p: Params, learner: PollingApi): void {
  const feed: number[] = [];
  const m = sim.metrics;
  m.declare(
    'requests',
    'emptyResponses',
    'failedRequests',
    'eventsDelivered',
    'updatesPublished',
    'bytesOnWire',
  );
  m.declareSummary('deliveryLatencyMs');
  m.set('openRequests', 0);
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.2, loss: 0 };

  // Each client's request that has not been answered yet (a token per request), so that
  // a crashed server's host can refuse or reset it, as a real kernel does.
  const outstanding = new Map<number, number>();
  let requestToken = 0;
  const fail = (client: number, token: number, label: string) => {
    if (outstanding.get(client) !== token) return;
    outstanding.delete(client);
    m.inc('failedRequests');
    const ev: ClientEvent = { type: 'FAILED', from: serverId };
    sim.send(serverId, client, ev, label);
  };

  let serverId = -1;
  const server = sim.spawn('server', 'server', serverMachine, {
    input: {
      holdTimeoutMs: p.holdTimeoutMs,
      io: {
        feedLength: () => feed.length,
        answer: (client, from, to) => {
          const updates = to - from;
          if (updates === 0) m.inc('emptyResponses');
          m.inc('bytesOnWire', updates * UPDATE_BYTES);
          const answer: ClientEvent = { type: 'ANSWER', from: serverId, since: from, to };
          sim.send(
            serverId,
            client,
            answer,
            updates ? `200 (${updates} update${updates > 1 ? 's' : ''})` : 'empty',
          );
        },
        setOpenRequests: (n) => m.set('openRequests', n),
      } satisfies ServerIO,
    },
    onCrash: () => {
      m.set('openRequests', 0);
      // The process is gone; its host resets every connection that had a request open.
      for (const [client, token] of [...outstanding]) fail(client, token, 'RST (server down)');
    },
  });
  serverId = server;

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
        const ev: ServerEvent = { type: 'POLL', from: self, since, hold };
        sim.send(self, server, ev, hold ? 'GET /feed (hold)' : 'GET /feed');
        const token = ++requestToken;
        outstanding.set(self, token);
        // A request reaching a host whose server process is down is refused at once.
        sim.scheduler.after(p.latencyMs, () => {
          if (!sim.isUp(server)) fail(self, token, 'RST (connection refused)');
        });
      },
      receive: (from, to) => {
        outstanding.delete(self);
        for (let k = from; k < to; k++) m.observe('deliveryLatencyMs', sim.now - (feed[k] as number));
        m.inc('eventsDelivered', Math.max(0, to - from));
      },
      nextDelay: (answer: PollAnswer) => {
        const d = learner.nextPollDelay(answer, settings);
        if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
          learnerMistake(`nextPollDelay must return a number of ms >= 0; it returned ${String(d)}`);
        }
        return d;
      },
    };
    self = sim.spawn(`client-${i + 1}`, 'client', clientMachine, {
      input: {
        io,
        strategy: p.strategy,
        settings,
        requestTimeoutMs: p.holdTimeoutMs + 4 * p.latencyMs + 5000,
        // Tabs open at different moments within the first poll interval.
        openAfterMs: starts.uniform(0, p.pollIntervalMs),
      },
    });
  }

  // The feed: updates appear at Poisson times (exponential gaps).
  const arrivals = sim.rng.fork('feed');
  const meanGap = 1000 / p.eventsPerSecond;
  const publish = () => {
    feed.push(sim.now);
    m.inc('updatesPublished');
    sim.ref(server)?.send({ type: 'PUBLISH' });
    sim.scheduler.after(arrivals.exponential(meanGap), publish);
  };
  sim.scheduler.after(arrivals.exponential(meanGap), publish);
}
