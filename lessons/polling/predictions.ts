import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor, type Prediction, type RunOutcome } from '../../src/lesson/types';
import { pollingMetrics } from './metrics';
import type { PollingParams } from './params';

const prediction = predictionsFor<PollingParams>();
const read = (run: RunOutcome) => metricReader(pollingMetrics, run.metrics);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each prediction has its own run keys
export const pollingPredictions: Prediction<PollingParams, any>[] = [
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
];
