import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { pollingMetrics } from './metrics';
import type { PollingParams } from './params';

const P99_LIMIT_MS = 250;
const REQUESTS_PER_UPDATE_LIMIT = 1.1;
const read = (run: RunOutcome) => metricReader(pollingMetrics, run.metrics);

export const pollingGoals: Goal<PollingParams>[] = [
  {
    id: 'fresh',
    title: `Every client has each update within ${P99_LIMIT_MS} ms (p99)`,
    check: (run) => {
      const s = read(run).summary('deliveryLatencyMs');
      if (s.count === 0) return { passed: false, detail: 'No update reached any client.' };
      const passed = s.p99 <= P99_LIMIT_MS;
      return {
        passed,
        detail: `p99 delivery latency = ${fmt(s.p99)} ms ${passed ? '≤' : '>'} ${P99_LIMIT_MS} ms over ${fmt(s.count)} deliveries (p50 ${fmt(s.p50)} ms).`,
      };
    },
  },
  {
    id: 'cheap',
    title: `At most ${REQUESTS_PER_UPDATE_LIMIT} requests per delivered update`,
    check: (run) => {
      const m = read(run);
      const rpu = m.count('requestsPerUpdate');
      const delivered = m.count('eventsDelivered');
      const passed = delivered > 0 && rpu <= REQUESTS_PER_UPDATE_LIMIT;
      return {
        passed,
        detail: `${fmt(m.count('requests'))} requests for ${fmt(delivered)} delivered updates = ${fmt(rpu)} per update ${passed ? '≤' : '>'} ${REQUESTS_PER_UPDATE_LIMIT}.`,
      };
    },
  },
];
