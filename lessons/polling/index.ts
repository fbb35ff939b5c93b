import { round } from '../../src/engine/metrics';
import { fmt, metricNumber, metricSummary } from '../../src/lesson/metric-access';
import { choiceParam, numberParam } from '../../src/lesson/params';
import { defineLesson } from '../../src/lesson/types';
import type { PollingApi } from './api';
import narrative from './lesson.md?raw';
import { clientMachine, serverMachine } from './model';
import api from './api.ts?raw';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { buildPolling } from './wiring';

export const pollingParams = {
  strategy: choiceParam({
    label: 'Strategy',
    default: 'short',
    choices: [
      { value: 'short', label: 'Short polling' },
      { value: 'long', label: 'Long polling' },
    ],
    help: 'Short: the server answers every request at once. Long: it holds a request until there is news or the hold timeout passes.',
  }),
  clients: numberParam({
    label: 'Clients',
    default: 20,
    min: 1,
    max: 1000,
    step: 1,
    integer: true,
    unit: 'clients',
    scale: 'log',
    help: 'Browser tabs following the same feed.',
  }),
  eventsPerSecond: numberParam({
    label: 'Update rate',
    default: 0.5,
    min: 0.01,
    max: 50,
    unit: 'updates/s',
    scale: 'log',
    help: 'Mean rate of new updates on the feed; they arrive at random (Poisson) times.',
  }),
  pollIntervalMs: numberParam({
    label: 'Poll interval',
    default: 1000,
    min: 50,
    max: 10000,
    step: 50,
    unit: 'ms',
    scale: 'log',
    help: 'How often a short-polling client asks (the starter policy waits this long after every answer).',
  }),
  holdTimeoutMs: numberParam({
    label: 'Hold timeout',
    default: 30000,
    min: 1000,
    max: 120000,
    step: 1000,
    unit: 'ms',
    scale: 'log',
    help: 'How long the server holds a long-poll request before answering empty.',
  }),
  latencyMs: numberParam({
    label: 'Latency',
    default: 50,
    min: 1,
    max: 1000,
    step: 1,
    unit: 'ms',
    scale: 'log',
    help: 'One-way network latency between a client and the server.',
  }),
  headerBytes: numberParam({
    label: 'HTTP headers',
    default: 800,
    min: 100,
    max: 8000,
    step: 50,
    unit: 'bytes',
    scale: 'log',
    help: 'Request plus response header bytes per round trip (cookies make this grow).',
  }),
  durationMs: numberParam({
    label: 'Duration',
    default: 60000,
    min: 5000,
    max: 3600000,
    step: 1000,
    unit: 'ms',
    scale: 'log',
    help: 'Virtual time simulated.',
  }),
};

const P99_LIMIT_MS = 250;
const REQUESTS_PER_UPDATE_LIMIT = 1.1;

export default defineLesson<typeof pollingParams, PollingApi>({
  id: 'polling',
  params: pollingParams,
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
  build: (sim, params, learner) => buildPolling(sim, params, learner),
  derive: (m) => ({
    requestsPerUpdate: round(metricNumber(m, 'requests') / Math.max(1, metricNumber(m, 'eventsDelivered'))),
  }),
  goals: [
    {
      id: 'fresh',
      title: `Every client has each update within ${P99_LIMIT_MS} ms (p99)`,
      check: ({ metrics }) => {
        const s = metricSummary(metrics, 'deliveryLatencyMs');
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
      check: ({ metrics }) => {
        const rpu = metricNumber(metrics, 'requestsPerUpdate');
        const passed = metricNumber(metrics, 'eventsDelivered') > 0 && rpu <= REQUESTS_PER_UPDATE_LIMIT;
        return {
          passed,
          detail: `${fmt(metricNumber(metrics, 'requests'))} requests for ${fmt(metricNumber(metrics, 'eventsDelivered'))} delivered updates = ${fmt(rpu)} per update ${passed ? '≤' : '>'} ${REQUESTS_PER_UPDATE_LIMIT}.`,
        };
      },
    },
  ],
  predictions: [
    {
      id: 'fewer-requests',
      question:
        'At 0.5 updates/s and a 1 s poll interval, which technique spends fewer requests per delivered update?',
      choices: [
        { id: 'short', label: 'Short polling' },
        { id: 'long', label: 'Long polling' },
      ],
      runs: { short: { strategy: 'short' }, long: { strategy: 'long' } },
      grade: (o) => {
        const s = metricNumber(o.short!.metrics, 'requestsPerUpdate');
        const l = metricNumber(o.long!.metrics, 'requestsPerUpdate');
        return {
          answer: s < l ? 'short' : 'long',
          explanation: `Short polling spent ${fmt(s)} requests per update, long polling ${fmt(l)}.`,
        };
      },
    },
    {
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
        const s = metricNumber(o.short!.metrics, 'requestsPerUpdate');
        const l = metricNumber(o.long!.metrics, 'requestsPerUpdate');
        return {
          answer: s < l ? 'short' : 'long',
          explanation: `At 20 updates/s short polling spent ${fmt(s)} requests per update (each answer carries a batch), long polling ${fmt(l)}.`,
        };
      },
    },
    {
      id: 'server-load',
      question: 'Which technique keeps more requests open on the server at once?',
      choices: [
        { id: 'short', label: 'Short polling' },
        { id: 'long', label: 'Long polling' },
      ],
      runs: { short: { strategy: 'short' }, long: { strategy: 'long' } },
      grade: (o) => {
        const s = metricNumber(o.short!.metrics, 'openRequestsMax');
        const l = metricNumber(o.long!.metrics, 'openRequestsMax');
        return {
          answer: l > s ? 'long' : 'short',
          explanation: `Peak requests held open: short polling ${fmt(s)}, long polling ${fmt(l)} (one per connected client).`,
        };
      },
    },
  ],
});
