import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor, type Prediction, type RunOutcome } from '../../src/lesson/types';
import { metricReader } from '../../src/kit/metrics/reader';
import { realtimeMetrics } from './metrics';
import type { Technique } from './api';
import { TECHNIQUE_LABELS } from './goals';
import type { RealtimeParams } from './params';
import { TECHNIQUES } from './workloads';

const read = (run: RunOutcome) => metricReader(realtimeMetrics, run.metrics);
const prediction = predictionsFor<RealtimeParams>();

const everywhere = Object.fromEntries(TECHNIQUES.map((t) => [t, { override: t }])) as Record<
  Technique,
  Partial<RealtimeParams>
>;
const techniqueChoices = TECHNIQUES.map((t, i) => ({ id: t, label: TECHNIQUE_LABELS[i]! }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each prediction has its own run keys
export const realtimePredictions: Prediction<RealtimeParams, any>[] = [
  prediction({
    id: 'ticker-bytes',
    question:
      'The ticker sends 10 updates of 60 bytes per second to every user. Which technique puts the fewest bytes on the wire per delivered update?',
    choices: techniqueChoices,
    runs: everywhere,
    grade: (o) => {
      const per = TECHNIQUES.map((t) => read(o[t]).count('bytesPerUpdate', 'ticker'));
      const best = per.indexOf(Math.min(...per));
      return {
        answer: TECHNIQUES[best]!,
        explanation: `Bytes per delivered update: ${TECHNIQUES.map((_, i) => `${TECHNIQUE_LABELS[i]} ${fmt(per[i]!)}`).join(', ')}. A server frame's header is 2 bytes (RFC 6455 §5.2); an SSE event adds its "id:" and "data:" lines and an HTTP/1.1 chunk's size line; every poll pays its headers.`,
      };
    },
  }),
  prediction({
    id: 'poll-handshakes',
    question:
      'A notification page short-polls every 30 s for 5 minutes; the server closes idle connections after 5 s. How many TCP + TLS handshakes does one page make?',
    choices: [
      { id: '1', label: '1: the connection is kept alive' },
      { id: '10', label: 'About 10: one per poll' },
      { id: '300', label: 'About 300: one per second' },
    ],
    runs: { short: { override: 'short' } },
    grade: (o) => {
      const m = read(o.short);
      const perPage = m.count('handshakesPerUser', 'notifications');
      return {
        answer: perPage < 3 ? '1' : perPage < 100 ? '10' : '300',
        explanation: `Each page made ${fmt(perPage)} handshakes for ${fmt(m.count('requestsPerUser', 'notifications'))} polls: the connection was closed 5 s after each answer, so every poll first spent ${fmt(m.count('handshakeRoundTrips', 'notifications') / Math.max(1, m.count('handshakes', 'notifications')))} round trips on TCP and TLS.`,
      };
    },
  }),
  prediction({
    id: 'nginx-keepalive',
    question:
      "Same short polling, but behind nginx's default keepalive_timeout of 75 s. Connections held per notification user on average?",
    choices: [
      { id: 'few', label: 'Still about 0.2: polling holds nothing in between' },
      { id: 'one', label: 'About 1: the idle connection never times out' },
    ],
    runs: { node: { override: 'short' }, nginx: { override: 'short', keepAliveTimeoutMs: 75_000 } },
    grade: (o) => {
      const node = read(o.node).count('connectionsPerUser', 'notifications');
      const nginx = read(o.nginx).count('connectionsPerUser', 'notifications');
      return {
        answer: nginx > 0.6 ? 'one' : 'few',
        explanation: `Connections held per user: ${fmt(nginx)} with a 75 s keep-alive, ${fmt(node)} with 5 s. A poll every 30 s arrives before a 75 s timer runs out, so the "idle" connection stays open all the time, and memory with it.`,
      };
    },
  }),
];
