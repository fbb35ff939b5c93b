import { choiceParam, numberParam } from '../../src/lesson/params';
import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { websocketsGoals } from './goals';
import { websocketsMetrics } from './metrics';
import { websocketsTheory } from './theory';
import narrative from './lesson.md?raw';
import { websocketsPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';

export const websocketsParams = {
  appHeartbeat: choiceParam({
    label: 'Heartbeat',
    default: 'code',
    choices: [
      { value: 'code', label: 'Your heartbeat policy' },
      { value: 'off', label: 'Off: rely on TCP' },
    ],
    help: 'Whether the server runs the heartbeat() of your code, or sends no WebSocket pings at all.',
  }),
  clients: numberParam({
    label: 'Clients',
    default: 10,
    min: 2,
    max: 100,
    step: 1,
    integer: true,
    unit: 'clients',
    scale: 'log',
    help: 'Browser tabs connected to the room (client-1 dies silently, client-2 is slow).',
  }),
  messagesPerSecond: numberParam({
    label: 'Message rate',
    default: 20,
    min: 0.5,
    max: 100,
    unit: 'messages/s',
    scale: 'log',
    help: 'Chat messages posted in the whole room per second (Poisson); each goes to every other client.',
  }),
  messageBytes: numberParam({
    label: 'Message size',
    default: 1000,
    min: 1,
    max: 100000,
    step: 1,
    integer: true,
    unit: 'bytes',
    scale: 'log',
    help: 'Payload of one message; the frame header is 2, 4 or 10 bytes more (plus 4 from a client).',
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
  slowClientKBps: numberParam({
    label: 'Slow client link',
    default: 4,
    min: 0.5,
    max: 1250,
    unit: 'kB/s',
    scale: 'log',
    help: "client-2's downlink rate; the others get 1,250 kB/s (10 Mbit/s). 1,250 makes it as fast as the rest.",
  }),
  deadPeerAtMs: numberParam({
    label: 'Dead peer at',
    default: 20000,
    min: 1000,
    max: 3600000,
    step: 1000,
    unit: 'ms',
    scale: 'log',
    help: "When client-1's network vanishes without a FIN (a partition); at or past the duration it never does.",
  }),
  connectionMemoryKiB: numberParam({
    label: 'Memory per connection',
    default: 70,
    min: 1,
    max: 1024,
    step: 1,
    unit: 'KiB',
    scale: 'log',
    help: 'Assumed server memory of one idle connection (the Python websockets library documents 64–70 KiB with its defaults, 14 KiB without compression).',
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

/** What the page shows of this lesson (no models: they load in the worker and the CLI). */
export default defineContent({
  id: 'websockets',
  params: websocketsParams,
  metrics: websocketsMetrics,
  theory: websocketsTheory,
  narrative,
  code: { starter, solution, api, exports: ['heartbeat', 'onBroadcast'] },
  starterFails: ['detect-dead', 'bounded-memory'],
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 4 },
    {
      kind: 'timeseries',
      gauge: 'serverMemoryBytes',
      title: 'Server memory (connections + send buffers)',
      unit: 'bytes',
    },
    {
      kind: 'timeseries',
      gauge: 'openConnections',
      title: 'Open connections on the server',
      unit: 'connections',
    },
    {
      kind: 'histogram',
      summary: 'deliveryLatencyMs',
      title: 'Message delivery latency (post to receipt)',
      unit: 'ms',
    },
    { kind: 'statechart', actorKind: 'client' },
  ],
  compare: [
    { label: 'Heartbeat off', params: { appHeartbeat: 'off' } },
    { label: 'Your heartbeat', params: { appHeartbeat: 'code' } },
  ],
  goals: websocketsGoals,
  predictions: websocketsPredictions,
});
