import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import { defineLesson, predictionsFor, type RunOutcome } from '../../src/lesson/types';
import type { PollingApi } from './api';
import narrative from './lesson.md?raw';
import { clientMachine, serverMachine } from './model';
import api from './api.ts?raw';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { pollingMetrics } from './metrics';
import { pollingParams, type PollingParams } from './params';
import { pollingTheory } from './theory';
import { buildPolling } from './wiring';

export { pollingParams };
const prediction = predictionsFor<PollingParams>();
const read = (run: RunOutcome) => metricReader(pollingMetrics, run.metrics);

const P99_LIMIT_MS = 250;
const REQUESTS_PER_UPDATE_LIMIT = 1.1;

export default defineLesson({
  id: 'polling',
  params: pollingParams,
  metrics: pollingMetrics,
  theory: pollingTheory,
  narrative,
  code: { starter, solution, api, exports: ['nextPollDelay'] },
  solutionParams: { strategy: 'long' },
  starterFails: ['fresh', 'cheap'],
  machines: { server: serverMachine, client: clientMachine },
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 6 },
    {
      kind: 'timeseries',
      gauge: 'openRequests',
      title: 'Requests held open on the server',
      unit: 'requests',
    },
    { kind: 'histogram', summary: 'deliveryLatencyMs', title: 'Delivery latency', unit: 'ms' },
    { kind: 'statechart', actorKind: 'client' },
  ],
  compare: [
    { label: 'Short polling', params: { strategy: 'short' } },
    { label: 'Long polling', params: { strategy: 'long' } },
  ],
  build: (sim, params, learner: PollingApi) => buildPolling(sim, params, learner),
  derive: (metrics) => {
    const m = metricReader(pollingMetrics, metrics);
    return { requestsPerUpdate: round(m.count('requests') / Math.max(1, m.count('eventsDelivered'))) };
  },
  goals: [
    {
      id: 'fresh',
      title: `Every client has each update within ${P99_LIMIT_MS} ms (p99)`,
      check: (run) => {
        const s = read(run).summary('deliveryLatencyMs');
        if (s.count === 0) return { passed: false, detail: 'No update reached any client.' };
        const passed = s.p99 <= P99_LIMIT_MS;
        return {
          passed,
          detail: `p99 delivery latency = ${fmt(s.p99)} ms ${passed ? '≤' : '>'} ${P99_LIMIT_MS} ms over ${fmt(s.count)} deliveries (p50 ${fmt(s.p50)} ms).`,
        };
      },
    },
    {
      id: 'cheap',
      title: `At most ${REQUESTS_PER_UPDATE_LIMIT} requests per delivered update`,
      check: (run) => {
        const m = read(run);
        const rpu = m.count('requestsPerUpdate');
        const delivered = m.count('eventsDelivered');
        const passed = delivered > 0 && rpu <= REQUESTS_PER_UPDATE_LIMIT;
        return {
          passed,
          detail: `${fmt(m.count('requests'))} requests for ${fmt(delivered)} delivered updates = ${fmt(rpu)} per update ${passed ? '≤' : '>'} ${REQUESTS_PER_UPDATE_LIMIT}.`,
        };
      },
    },
  ],
  predictions: [
    prediction({
      id: 'fewer-requests',
      question:
        'At 0.5 updates/s and a 1 s poll interval, which technique spends fewer requests per delivered update?',
      choices: [
        { id: 'short', label: 'Short polling' },
        { id: 'long', label: 'Long polling' },
      ],
      runs: { short: { strategy: 'short' }, long: { strategy: 'long' } },
      grade: (o) => {
        const s = read(o.short).count('requestsPerUpdate');
        const l = read(o.long).count('requestsPerUpdate');
        return {
          answer: s < l ? 'short' : 'long',
          explanation: `Short polling spent ${fmt(s)} requests per update, long polling ${fmt(l)}.`,
        };
      },
    }),
    prediction({
      id: 'busy-feed',
      question:
        'Now the feed is busy: 20 updates/s. Which technique spends fewer requests per delivered update?',
      choices: [
        { id: 'short', label: 'Short polling' },
        { id: 'long', label: 'Long polling' },
      ],
      runs: {
        short: { strategy: 'short', eventsPerSecond: 20 },
        long: { strategy: 'long', eventsPerSecond: 20 },
      },
      grade: (o) => {
        const s = read(o.short).count('requestsPerUpdate');
        const l = read(o.long).count('requestsPerUpdate');
        return {
          answer: s < l ? 'short' : 'long',
          explanation: `At 20 updates/s short polling spent ${fmt(s)} requests per update (each answer carries a batch), long polling ${fmt(l)}.`,
        };
      },
    }),
    prediction({
      id: 'server-load',
      question: 'Which technique keeps more requests open on the server at once?',
      choices: [
        { id: 'short', label: 'Short polling' },
        { id: 'long', label: 'Long polling' },
      ],
      runs: { short: { strategy: 'short' }, long: { strategy: 'long' } },
      grade: (o) => {
        const s = read(o.short).peak('openRequests');
        const l = read(o.long).peak('openRequests');
        return {
          answer: l > s ? 'long' : 'short',
          explanation: `Peak requests held open: short polling ${fmt(s)}, long polling ${fmt(l)} (one per connected client).`,
        };
      },
    }),
  ],
});
