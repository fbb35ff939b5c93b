import { fmt } from '../../src/lesson/metric-access';
import type { ParamsOf } from '../../src/lesson/params';
import { predictionsFor, type Prediction, type RunOutcome } from '../../src/lesson/types';
import { metricReader } from '../../src/kit/metrics/reader';
import { websocketsMetrics } from './metrics';
import type { websocketsParams } from './index';
import { TCP_GIVE_UP_MS } from '../../src/kit/transport/tcp';

const read = (run: RunOutcome) => metricReader(websocketsMetrics, run.metrics);
const prediction = predictionsFor<Params>();

type Params = ParamsOf<typeof websocketsParams>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each prediction has its own run keys
export const websocketsPredictions: Prediction<Params, any>[] = [
  prediction({
    id: 'frame-size',
    question:
      'A tab posts a 1,000-byte chat message. How many bytes does its WebSocket frame take on the wire?',
    choices: [
      { id: '1000', label: '1,000: the payload is the frame' },
      { id: '1002', label: '1,002: a 2-byte header' },
      { id: '1004', label: '1,004: a 4-byte header' },
      { id: '1008', label: '1,008' },
    ],
    runs: { post: { messageBytes: 1000 } },
    grade: (o) => {
      const bytes = read(o.post).count('clientTextFrameBytes');
      return {
        answer: String(Math.round(bytes)),
        explanation: `Each post took ${fmt(bytes)} bytes: 2 bytes of header, 2 more for the 16-bit length (1,000 > 125), 4 for the masking key every client frame carries, then the 1,000-byte payload. The server's copies to the other tabs are unmasked: 1,004 bytes.`,
      };
    },
  }),
  prediction({
    id: 'tcp-alone',
    question:
      "Heartbeat off. At 20 s client-1's Wi-Fi vanishes: no FIN, no RST ever reaches the server. When does the server close that connection?",
    choices: [
      { id: 'at-once', label: 'At once: TCP notices' },
      { id: 'seconds', label: 'Within a few seconds' },
      { id: 'not-in-run', label: 'Not before this 60 s run ends' },
    ],
    runs: { off: { appHeartbeat: 'off' } },
    grade: (o) => {
      const m = read(o.off);
      const s = m.summary('deadPeerDetectionMs');
      const answer = s.count === 0 ? 'not-in-run' : s.max < 1000 ? 'at-once' : 'seconds';
      const tcp = `Nothing arrives to tell TCP: Linux retransmits unacknowledged data for at least ${TCP_GIVE_UP_MS / 1000} s (tcp_retries2 = 15) and, on an idle socket with keepalive on, waits 7,200 s before its first probe.`;
      return {
        answer,
        explanation:
          s.count === 0
            ? `The server still held client-1's connection at the end of the run, with ${fmt(m.count('deadPeerHeldBytes') / 1024)} KiB queued for it. ${tcp}`
            : `The server closed it ${fmt(s.max / 1000)} s after the network vanished. ${tcp}`,
      };
    },
  }),
  prediction({
    id: 'slow-neighbour',
    question:
      'client-2 sits behind a 4 kB/s link while the room sends each tab about 18 kB/s. Does it slow down delivery to the healthy tabs?',
    choices: [
      { id: 'yes', label: 'Yes: the broadcast waits for the slowest tab' },
      { id: 'no', label: 'No: each connection has its own send buffer' },
    ],
    runs: { slow: {}, fast: { slowClientKBps: 1250 } },
    grade: (o) => {
      const slow = read(o.slow).count('healthyP99Ms');
      const fast = read(o.fast).count('healthyP99Ms');
      const all = read(o.slow).summary('deliveryLatencyMs').max;
      return {
        answer: slow > fast * 1.2 + 5 ? 'yes' : 'no',
        explanation: `Healthy tabs' p99 delivery latency: ${fmt(slow)} ms with the slow client, ${fmt(fast)} ms without it. The slow client's own worst message took ${fmt(all)} ms: its backlog waits in its own buffer (a server that blocked on one socket's writes would stall everyone instead).`,
      };
    },
  }),
];
