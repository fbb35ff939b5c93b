import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const realtimeParams = {
  override: choiceParam({
    label: 'Technique',
    default: 'code',
    choices: [
      { value: 'code', label: 'Your chooseTechnique()' },
      { value: 'short', label: 'Short polling everywhere' },
      { value: 'long', label: 'Long polling everywhere' },
      { value: 'sse', label: 'Server-sent events everywhere' },
      { value: 'websocket', label: 'WebSockets everywhere' },
    ],
    help: 'Which technique each of the three features uses: the one your code chooses, or one forced on all three to compare them.',
  }),
  clients: numberParam({ label: 'Users', default: 5, min: 2, max: 50, step: 1, integer: true, unit: 'users', scale: 'log', help: 'Users of each feature (each has the ticker, the chat and the notification bell open).' }),
  tickerUpdatesPerSecond: numberParam({ label: 'Ticker rate', default: 10, min: 1, max: 50, step: 1, unit: 'updates/s', scale: 'log', help: 'Price updates per second on the ticker (Poisson), sent to every user.' }),
  latencyMs: numberParam({ label: 'Latency', default: 50, min: 1, max: 500, step: 1, unit: 'ms', scale: 'log', help: 'One-way network latency between a page and a server.' }),
  headerBytes: numberParam({ label: 'HTTP headers', default: 800, min: 100, max: 8000, step: 50, unit: 'bytes', scale: 'log', help: 'Request plus response header bytes per HTTP round trip (cookies make this grow).' }),
  tls: choiceParam({
    label: 'TLS version',
    default: '1.3',
    choices: [
      { value: '1.3', label: 'TLS 1.3 (1 round trip)' },
      { value: '1.2', label: 'TLS 1.2 (2 round trips)' },
    ],
    help: 'Handshake of every new connection: TCP takes 1 round trip, then TLS 1.3 one more or TLS 1.2 two more.',
  }),
  keepAliveTimeoutMs: numberParam({ label: 'Keep-alive timeout', default: 5000, min: 0, max: 120000, step: 1000, unit: 'ms', help: 'The server closes an idle HTTP connection after this long (Node.js: 5 s; nginx: 75 s; 0 closes after every response).' }),
  connectionMemoryKiB: numberParam({ label: 'Memory per connection', default: 70, min: 1, max: 1024, step: 1, unit: 'KiB', scale: 'log', help: 'Assumed server memory of one open connection (the Python websockets library measures 70 KiB with its defaults).' }),
  durationMs: numberParam({ label: 'Duration', default: 300000, min: 10000, max: 3600000, step: 10000, unit: 'ms', scale: 'log', help: 'Virtual time simulated (rare notifications need minutes to show up).' }),
};

export type RealtimeParams = ParamsOf<typeof realtimeParams>;
