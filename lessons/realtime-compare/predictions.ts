import { fmt, metricNumber } from '../../src/lesson/metric-access';
import type { Prediction } from '../../src/lesson/types';
import type { Technique } from './api';
import { TECHNIQUE_LABELS } from './goals';
import type { RealtimeParams } from './params';
import { TECHNIQUES } from './wiring';

const everywhere = Object.fromEntries(TECHNIQUES.map((t) => [t, { override: t }])) as Record<
  Technique,
  Partial<RealtimeParams>
>;
const techniqueChoices = TECHNIQUES.map((t, i) => ({ id: t, label: TECHNIQUE_LABELS[i]! }));

export const realtimePredictions: Prediction<RealtimeParams>[] = [
  {
    id: 'ticker-bytes',
    question:
      'The ticker sends 10 updates of 60 bytes per second to every user. Which technique puts the fewest bytes on the wire per delivered update?',
    choices: techniqueChoices,
    runs: everywhere,
    grade: (o) => {
      const per = TECHNIQUES.map((t) => metricNumber(o[t]!.metrics, 'tickerBytesPerUpdate'));
      const best = per.indexOf(Math.min(...per));
      return {
        answer: TECHNIQUES[best]!,
        explanation: `Bytes per delivered update: ${TECHNIQUES.map((_, i) => `${TECHNIQUE_LABELS[i]} ${fmt(per[i]!)}`).join(', ')}. A server frame's header is 2 bytes (RFC 6455 §5.2); an SSE event adds its "id:" and "data:" lines and an HTTP/1.1 chunk's size line; every poll pays its headers.`,
      };
    },
  },
  {
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
      const m = o.short!.metrics;
      const perPage = metricNumber(m, 'notificationsHandshakesPerUser');
      return {
        answer: perPage < 3 ? '1' : perPage < 100 ? '10' : '300',
        explanation: `Each page made ${fmt(perPage)} handshakes for ${fmt(metricNumber(m, 'notificationsRequestsPerUser'))} polls: the connection was closed 5 s after each answer, so every poll first spent ${fmt(metricNumber(m, 'notificationsHandshakeRoundTrips') / Math.max(1, metricNumber(m, 'notificationsHandshakes')))} round trips on TCP and TLS.`,
      };
    },
  },
  {
    id: 'nginx-keepalive',
    question:
      "Same short polling, but behind nginx's default keepalive_timeout of 75 s. Connections held per notification user on average?",
    choices: [
      { id: 'few', label: 'Still about 0.2: polling holds nothing in between' },
      { id: 'one', label: 'About 1: the idle connection never times out' },
    ],
    runs: { node: { override: 'short' }, nginx: { override: 'short', keepAliveTimeoutMs: 75_000 } },
    grade: (o) => {
      const node = metricNumber(o.node!.metrics, 'notificationsConnectionsPerUser');
      const nginx = metricNumber(o.nginx!.metrics, 'notificationsConnectionsPerUser');
      return {
        answer: nginx > 0.6 ? 'one' : 'few',
        explanation: `Connections held per user: ${fmt(nginx)} with a 75 s keep-alive, ${fmt(node)} with 5 s. A poll every 30 s arrives before a 75 s timer runs out, so the "idle" connection stays open all the time, and memory with it.`,
      };
    },
  },
];
