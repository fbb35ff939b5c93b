import type { Simulation } from '../../src/engine/sim';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { PendingRequests } from '../../src/kit/http/pending';
import { poisson } from '../../src/kit/workloads/arrivals';
import type { PollingApi } from './api';
import { spawnTab } from './tabs';
import { pollingMetrics } from './metrics';
import { serverMachine, type ClientEvent, type ServerEvent, type ServerIO } from './model';
import type { PollingParams } from './params';

/** Payload bytes of one update in an answer (a small JSON object). */
const UPDATE_BYTES = 100;
const FAILURE_LABEL = { refused: 'RST (connection refused)', reset: 'RST (server down)' } as const;

/** Creates the feed, the server and the clients of one polling run. */
export function buildPolling(
  sim: Simulation,
  p: PollingParams,
  learner: PollingApi,
  opts: { machineTabs?: boolean } = {},
): void {
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
    // A poll the server answers at once (short, or there is news) changes no state:
    // answered here, as the machine's answerNow would, without an xstate event.
    fast: (e) => {
      const poll = e as unknown as Extract<ServerEvent, { type: 'POLL' }>;
      if (poll.type !== 'POLL' || (poll.hold && feed.length <= poll.since)) return false;
      serverIO.answer(poll.from, poll.since, feed.length);
      return true;
    },
  });

  const settings = {
    pollIntervalMs: p.pollIntervalMs,
    holdTimeoutMs: p.holdTimeoutMs,
    latencyMs: p.latencyMs,
  };
  const starts = sim.rng.fork('client-start');
  const tab = { sim, m, p, feed, pending, server, settings, learner, machineTabs: opts.machineTabs };
  // Tabs open at different moments within the first poll interval.
  for (let i = 0; i < p.clients; i++) spawnTab(tab, i, starts.uniform(0, p.pollIntervalMs));

  // The feed: updates appear at Poisson times.
  poisson(sim.scheduler, sim.rng.fork('feed'), p.eventsPerSecond, () => {
    feed.push(sim.now);
    m.inc('updatesPublished');
    sim.ref(server)?.send({ type: 'PUBLISH' });
  });
}
