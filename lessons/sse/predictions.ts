import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor, type Prediction, type RunOutcome } from '../../src/lesson/types';
import { metricReader } from '../../src/kit/metrics/reader';
import { sseMetrics } from './metrics';
import type { SseParams } from './params';

const read = (run: RunOutcome) => metricReader(sseMetrics, run.metrics);
const prediction = predictionsFor<SseParams>();

const oneBrowser = { clients: 1, tabs: 8 } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each prediction has its own run keys
export const predictions: Prediction<SseParams, any>[] = [
  prediction({
    id: 'six-per-browser',
    question:
      'One browser has the page open in 8 tabs, over HTTP/1.1. At most how many of its tabs stream events at the same time?',
    choices: [
      { id: 'all', label: 'All 8' },
      { id: 'six', label: '6; the other tabs wait for a connection' },
      { id: 'one', label: '1; the tabs take turns' },
    ],
    runs: { h1: { ...oneBrowser, httpVersion: '1.1' } },
    grade: (o) => {
      const open = read(o.h1).peak('openStreams');
      const waiting = read(o.h1).peak('pendingStreams');
      return {
        answer: open >= 8 ? 'all' : open <= 1 ? 'one' : 'six',
        explanation: `At most ${fmt(open)} tabs streamed at once over ${fmt(read(o.h1).peak('openConnections'))} connections; up to ${fmt(waiting)} tabs waited for a free connection.`,
      };
    },
  }),
  prediction({
    id: 'http2-connections',
    question:
      'The same browser and 8 tabs, now over HTTP/2. How many connections does the browser keep to the server?',
    choices: [
      { id: '1', label: '1' },
      { id: '6', label: '6' },
      { id: '8', label: '8' },
    ],
    runs: { h2: { ...oneBrowser, httpVersion: '2' } },
    grade: (o) => {
      const conns = read(o.h2).peak('openConnections');
      return {
        answer: conns <= 1 ? '1' : conns <= 6 ? '6' : '8',
        explanation: `At most ${fmt(conns)} connection(s) carried up to ${fmt(read(o.h2).peak('openStreams'))} streams at once; ${fmt(read(o.h2).peak('pendingStreams'))} tabs ever waited.`,
      };
    },
  }),
  prediction({
    id: 'small-window',
    question:
      'With the reference code (replay after Last-Event-ID, backoff with jitter), the server keeps only the newest 5 events for replay. Are events lost?',
    choices: [
      { id: 'none', label: 'No: Last-Event-ID makes the replay complete' },
      { id: 'some', label: 'Yes: gaps longer than the window are lost' },
    ],
    runs: { small: { replayBufferSize: 5 }, large: { replayBufferSize: 100 } },
    grade: (o) => {
      const small = read(o.small).count('eventsLost');
      const large = read(o.large).count('eventsLost');
      return {
        answer: small > 0 ? 'some' : 'none',
        explanation: `A 5-event window lost ${fmt(small)} events (a 100-event window lost ${fmt(large)}): a tab that is away longer than the window covers comes back to a hole in it.`,
      };
    },
  }),
];
