import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import { defineContent, type Goal, type RunOutcome } from '../../src/lesson/types';
import api from './api.ts?raw';
import { sseMetrics } from './metrics';
import { sseTheory } from './theory';
import narrative from './lesson.md?raw';
import { sseParams, type SseParams } from './params';
import { predictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';

export { sseParams };
const read = (run: RunOutcome) => metricReader(sseMetrics, run.metrics);

export const sseGoals: Goal<SseParams>[] = [
  {
    id: 'no-gaps',
    title: 'Every tab gets every event exactly once, across drops, the restart and the wait for a connection',
    check: (run) => {
      const m = read(run);
      const [lost, dup, delivered] = [
        m.count('eventsLost'),
        m.count('eventsDuplicated'),
        m.count('eventsDelivered'),
      ];
      const starved = m.count('tabsStarved');
      const passed = delivered > 0 && lost === 0 && dup === 0 && starved === 0;
      const waiting = starved
        ? ` ${fmt(starved)} tab${starved === 1 ? ' was' : 's were'} still waiting for a connection at the end (6 per origin on HTTP/1.1).`
        : '';
      return {
        passed,
        detail:
          `${fmt(lost)} events lost and ${fmt(dup)} duplicated; ${fmt(delivered)} delivered, ` +
          `${fmt(m.count('eventsReplayed'))} of them replayed, over ${fmt(m.count('reconnects'))} reconnects.${waiting}`,
      };
    },
  },
  {
    id: 'no-storm',
    title: 'Reconnects never outrun what the server can set up in a second',
    check: (run, p) => {
      const m = read(run);
      const peak = m.count('reconnectPeakPerSecond');
      const capacity = Math.floor(1000 / p.setupMs);
      const passed = peak <= capacity;
      return {
        passed,
        detail: `Peak ${fmt(peak)} reconnects within one second ${passed ? '≤' : '>'} ${fmt(capacity)} stream setups per second (1000 ms / ${fmt(p.setupMs)} ms each); peak setup queue ${fmt(m.peak('setupQueue'))}.`,
      };
    },
  },
];

/** What the page shows of this lesson (no models: they load in the worker and the CLI). */
export default defineContent({
  id: 'sse',
  params: sseParams,
  metrics: sseMetrics,
  theory: sseTheory,
  narrative,
  code: { starter, solution, api, exports: ['replay', 'reconnectDelay'] },
  starterFails: ['no-gaps', 'no-storm'],
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
  goals: sseGoals,
  predictions,
});
