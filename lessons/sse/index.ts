import { fmt, metricNumber } from '../../src/lesson/metric-access';
import { defineLesson } from '../../src/lesson/types';
import type { SseApi } from './api';
import api from './api.ts?raw';
import narrative from './lesson.md?raw';
import { clientMachine, serverMachine } from './model';
import { sseParams } from './params';
import { predictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { buildSse } from './wiring';

export { sseParams };

export default defineLesson<typeof sseParams, SseApi>({
  id: 'sse',
  params: sseParams,
  narrative,
  code: { starter, solution, api, exports: ['replay', 'reconnectDelay'] },
  starterFails: ['no-gaps', 'no-storm'],
  machines: { server: serverMachine, client: clientMachine },
  views: [
    { kind: 'topology' },
    { kind: 'sequence', maxActors: 6 },
    {
      kind: 'timeseries',
      gauge: 'openConnections',
      title: 'Open connections to the server',
      unit: 'connections',
    },
    {
      kind: 'histogram',
      summary: 'deliveryLatencyMs',
      title: 'Delivery latency (publish to tab)',
      unit: 'ms',
    },
    { kind: 'statechart', actorKind: 'client' },
  ],
  compare: [
    { label: 'HTTP/1.1, 8 tabs per browser', params: { httpVersion: '1.1', tabs: 8, clients: 10 } },
    { label: 'HTTP/2, 8 tabs per browser', params: { httpVersion: '2', tabs: 8, clients: 10 } },
  ],
  build: (sim, params, learner) => buildSse(sim, params, learner),
  goals: [
    {
      id: 'no-gaps',
      title: 'Every tab gets every event exactly once, across drops and the restart',
      check: ({ metrics }) => {
        const lost = metricNumber(metrics, 'eventsLost');
        const dup = metricNumber(metrics, 'eventsDuplicated');
        const delivered = metricNumber(metrics, 'eventsDelivered');
        const passed = delivered > 0 && lost === 0 && dup === 0;
        return {
          passed,
          detail:
            `${fmt(lost)} events lost and ${fmt(dup)} duplicated; ${fmt(delivered)} delivered, ` +
            `${fmt(metricNumber(metrics, 'eventsReplayed'))} of them replayed, over ${fmt(metricNumber(metrics, 'reconnects'))} reconnects.`,
        };
      },
    },
    {
      id: 'no-storm',
      title: 'Reconnects never outrun what the server can set up in a second',
      check: ({ metrics }, p) => {
        const peak = metricNumber(metrics, 'reconnectPeakPerSecond');
        const capacity = Math.floor(1000 / p.setupMs);
        const passed = peak <= capacity;
        return {
          passed,
          detail: `Peak ${fmt(peak)} reconnects within one second ${passed ? '≤' : '>'} ${fmt(capacity)} stream setups per second (1000 ms / ${fmt(p.setupMs)} ms each); peak setup queue ${fmt(metricNumber(metrics, 'setupQueueMax'))}.`,
        };
      },
    },
  ],
  predictions,
});
