import { round } from '../../src/engine/metrics';
import { metricReader } from '../../src/kit/metrics/reader';
import { labelledKey } from '../../src/kit/metrics/table';
import { byId, defineLesson, type Metrics } from '../../src/lesson/types';
import type { RealtimeCompareApi, WorkloadName } from './api';
import content from './content';
import { realtimeGoals } from './goals';
import { realtimeMetrics } from './metrics';
import { clientMachine, serverMachine } from './model';
import type { RealtimeParams } from './params';
import { realtimePredictions } from './predictions';
import { buildRealtimeCompare } from './wiring';
import { WORKLOADS } from './workloads';

export { realtimeParams } from './params';

/** Per-feature ratios the goals and the compare view read. */
function derive(metrics: Metrics, p: RealtimeParams): Metrics {
  const m = metricReader(realtimeMetrics, metrics);
  const out: Metrics = {};
  const put = (name: keyof typeof realtimeMetrics, w: WorkloadName, v: number) =>
    (out[labelledKey(w, name)] = v);
  for (const w of WORKLOADS) {
    const delivered = Math.max(1, m.count('updatesDelivered', w));
    put('bytesPerUpdate', w, round(m.count('bytesOnWire', w) / delivered));
    put('requestsPerUpdate', w, round(m.count('requests', w) / delivered));
    put('requestsPerUser', w, round(m.count('requests', w) / p.clients));
    put('handshakesPerUser', w, round(m.count('handshakes', w) / p.clients));
    const perUser = m.count('connectionMs', w) / (p.durationMs * p.clients);
    put('connectionsPerUser', w, round(perUser));
    put('memoryPerUserBytes', w, Math.round(perUser * p.connectionMemoryKiB * 1024));
  }
  out.roundTripsPerHandshake = round(m.count('handshakeRoundTrips') / Math.max(1, m.count('handshakes')));
  out.chatUpstreamOverheadPerMessage = round(
    m.count('upstreamOverheadBytes', 'chat') / Math.max(1, m.count('messagesSent', 'chat')),
  );
  return out;
}

/** The realtime-compare lesson as the worker and the CLI run it. */
export default defineLesson(content, {
  // CPU per engine event relative to a polling event (src/lesson/budget.ts, measured at the heaviest knobs).
  workCost: 8,
  workKnobs: ['clients', 'tickerUpdatesPerSecond'],
  machines: { client: clientMachine, server: serverMachine },
  build: (sim, params, learner: RealtimeCompareApi) => buildRealtimeCompare(sim, params, learner),
  derive,
  checks: byId(realtimeGoals, (g) => g.check),
  grading: byId(realtimePredictions, (p) => p),
});
