import type { MetricKey } from '../../src/kit/metrics/table';
import type { TheoryClaim } from '../../src/lesson/types';
import type { pollingMetrics } from './metrics';
import type { PollingParams } from './params';

type Claim = TheoryClaim<PollingParams, MetricKey<typeof pollingMetrics>>;

/** Mean one-way latency: the link adds jitter uniform in [0, 0.2 L), mean 0.1 L. */
const meanLatency = (p: PollingParams) => 1.1 * p.latencyMs;
/**
 * Enough deliveries for a mean to settle within the tolerance (at least 25 updates per
 * client and 400 deliveries in all); shorter runs are noise, not theory.
 */
const enoughUpdates = (p: PollingParams) => {
  const perClient = (p.eventsPerSecond * p.durationMs) / 1000;
  return perClient >= 25 && perClient * p.clients >= 400;
};
/** μ: updates published per round trip, the window in which a long poller is not listening. */
const mu = (p: PollingParams) => (p.eventsPerSecond / 1000) * 2 * meanLatency(p);

export const pollingTheory: Claim[] = [
  {
    metric: 'deliveryLatencyMs',
    field: 'mean',
    title: 'Mean delivery delay, short polling',
    formula: '(T + RTT)/2 + L',
    why: 'Polls reach the server T + RTT apart; a Poisson update waits half that on average for the next one, then one transit L. Assumes the policy waits exactly T after every answer (the reference does).',
    unit: 'ms',
    predict: (p) =>
      p.strategy === 'short' && enoughUpdates(p)
        ? (p.pollIntervalMs + 2 * meanLatency(p)) / 2 + meanLatency(p)
        : undefined,
    tolerance: { relative: 0.05 },
  },
  {
    metric: 'requests',
    title: 'Requests, short polling',
    formula: 'N·(D − T/2)/(T + RTT)',
    why: 'Each of N clients sends one request every T + RTT from the moment its tab opens (uniformly within the first T) to the end of the run D.',
    unit: 'requests',
    predict: (p) =>
      p.strategy === 'short' && p.durationMs >= 20 * (p.pollIntervalMs + 2 * meanLatency(p))
        ? (p.clients * (p.durationMs - p.pollIntervalMs / 2)) / (p.pollIntervalMs + 2 * meanLatency(p))
        : undefined,
    tolerance: { relative: 0.05 },
  },
  {
    metric: 'requestsPerUpdate',
    title: 'Requests per delivered update, short polling',
    formula: '1 / (λ·(T + RTT))',
    why: 'One request every T + RTT per client; λ·(T + RTT) updates arrive in that time, all carried by the next answer. Every client sees the same feed, so the count of updates (Poisson, ±1/√(λD)) dominates the noise: the claim applies from λD ≥ 1,000.',
    unit: 'requests',
    predict: (p) =>
      p.strategy === 'short' && (p.eventsPerSecond * p.durationMs) / 1000 >= 1000
        ? 1 / ((p.eventsPerSecond / 1000) * (p.pollIntervalMs + 2 * meanLatency(p)))
        : undefined,
    tolerance: { relative: 0.08 },
  },
  {
    metric: 'requestsPerUpdate',
    title: 'Requests per delivered update, long polling',
    formula: '1/(μ + e^−μ) + 1/(λ·(D − T/2)),  μ = λ·RTT',
    why: 'A new request finds K ~ Poisson(μ) updates published while the last answer and it were in flight: it takes them at once if K > 0, else waits for the next one, so it carries μ + e^−μ updates on average. The last term is the request still held at the end of a run of length D (tabs open within the first T). Assumes the hold timeout is long (λ·hold ≥ 5).',
    unit: 'requests',
    predict: (p) =>
      p.strategy === 'long' && enoughUpdates(p) && (p.eventsPerSecond * p.holdTimeoutMs) / 1000 >= 5
        ? 1 / (mu(p) + Math.exp(-mu(p))) +
          1 / ((p.eventsPerSecond / 1000) * (p.durationMs - p.pollIntervalMs / 2))
        : undefined,
    tolerance: { relative: 0.04 },
  },
  {
    metric: 'deliveryLatencyMs',
    field: 'mean',
    title: 'Mean delivery delay, long polling',
    formula: 'L·(1 + μ/(μ + e^−μ))',
    why: 'A held request is answered one transit L after the update. A fraction μ/(μ + e^−μ) of the time the client is between an answer and its next request (a window of one RTT); an update published then waits L more on average for the request to arrive. Which updates fall in a window is up to the feed (a few per run at the defaults), hence the 6% tolerance, and the claim is held only where windows are rare (μ ≤ 0.2): with more, whole runs of updates fall in windows together and one run says little.',
    unit: 'ms',
    predict: (p) =>
      p.strategy === 'long' &&
      enoughUpdates(p) &&
      (p.eventsPerSecond * p.holdTimeoutMs) / 1000 >= 5 &&
      mu(p) <= 0.2
        ? meanLatency(p) * (1 + mu(p) / (mu(p) + Math.exp(-mu(p))))
        : undefined,
    tolerance: { relative: 0.06 },
  },
];
