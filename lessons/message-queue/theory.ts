import type { MetricKey } from '../../src/kit/metrics/table';
import { mmc } from '../../src/kit/theory/queueing';
import type { TheoryClaim } from '../../src/lesson/types';
import type { messageQueueMetrics } from './metrics';
import type { MessageQueueParams } from './params';
import { calmWindow, LINK_MS } from './constants';

type Claim = TheoryClaim<MessageQueueParams, MetricKey<typeof messageQueueMetrics>>;

/**
 * From the queue's side a consumer is taken from the moment a message is handed to it
 * until its next ReceiveMessage arrives: one link transit, the processing, one more transit.
 */
const slotMs = (p: MessageQueueParams) => p.processingMs + 2 * LINK_MS;
/**
 * Allen–Cunneen: for M/G/c, Wq ≈ Wq(M/M/c) × (Ca² + Cs²)/2. Poisson arrivals give Ca² = 1;
 * an exponential time shifted by 2 transits has Cs² = (S / (S + 2L))², a few per cent below 1.
 */
const shapeFactor = (p: MessageQueueParams) => (1 + (p.processingMs / slotMs(p)) ** 2) / 2;
const lambda = (p: MessageQueueParams) => p.messagesPerSecond;
const theory = (p: MessageQueueParams) => mmc(lambda(p), p.consumers, slotMs(p));

/** Messages in the calm window: enough for the averages to settle within the tolerances. */
const calmMessages = (p: MessageQueueParams) => {
  const w = calmWindow(p);
  return (lambda(p) * (w.endMs - w.startMs)) / 1000;
};

/**
 * Where the M/M/c model holds for the calm window: a stable queue not too close to 1
 * (the averages then converge slowly), few malformed messages (their 20 ms attempts barely
 * load the consumers), a visibility timeout far above the processing time (no timeouts),
 * and enough messages.
 */
function steady(p: MessageQueueParams): boolean {
  return (
    theory(p).utilization <= 0.75 &&
    p.failureRate * p.maxAttempts <= 0.05 &&
    p.visibilityTimeoutMs >= 20 * p.processingMs &&
    calmMessages(p) >= 2500
  );
}

/** No spike and no scheduled crash: the whole run is the calm window. */
const calmRun = (p: MessageQueueParams) =>
  (p.crashAtMs === 0 || p.crashAtMs >= p.durationMs) && (p.spikeFactor === 1 || p.spikeAtMs >= p.durationMs);

const ASSUMPTIONS =
  'Poisson arrivals at λ = message rate, c identical consumers each serving one message at a time, exponential processing with mean S, first come first served; measured over the calm window (after a 5 s warm-up, before any crash or spike).';

export const messageQueueTheory: Claim[] = [
  {
    metric: 'steadyWaitMs',
    field: 'mean',
    title: 'Mean wait in the queue (Erlang C)',
    formula: 'Wq = C(c, λS′) / (c/S′ − λ) × (1 + (S/S′)²)/2,  S′ = S + 2L',
    why: `${ASSUMPTIONS} A consumer is held S′ = S + 2 link transits per message (delivery, then its next ReceiveMessage); the last factor is the Allen–Cunneen correction for that not-quite-exponential time.`,
    unit: 'ms',
    predict: (p) => (steady(p) ? theory(p).meanWaitMs * shapeFactor(p) : undefined),
    // Over the default calm window (≈ 4,750 messages at ρ ≈ 0.67) the mean wait varies by
    // about 17% between seeds (one standard deviation over 24 seeds; mean 6% under the
    // prediction): a mean of waits is dominated by a few long ones.
    tolerance: { relative: 0.4, absolute: 2 },
  },
  {
    metric: 'steadyWaitProbability',
    title: 'Share of messages that wait for a consumer (Erlang C)',
    formula: 'P(wait) = C(c, λS′)',
    why: `${ASSUMPTIONS} An arrival waits exactly when all c consumers are busy; Erlang C is that probability.`,
    unit: 'share',
    predict: (p) => (steady(p) ? theory(p).probabilityOfWait : undefined),
    // 0.026 standard deviation per seed at the defaults.
    tolerance: { absolute: 0.07 },
  },
  {
    metric: 'steadyMeanBacklog',
    title: "Mean backlog (Little's law)",
    formula: 'Lq = λ · Wq',
    why: `Little's law holds for any stable queue: the mean number waiting is the arrival rate times the mean wait. With Wq from Erlang C above. ${ASSUMPTIONS}`,
    unit: 'messages',
    predict: (p) => (steady(p) ? (lambda(p) / 1000) * theory(p).meanWaitMs * shapeFactor(p) : undefined),
    // Same spread as the mean wait (18% per seed at the defaults).
    tolerance: { relative: 0.45, absolute: 0.1 },
  },
  {
    metric: 'consumerUtilization',
    title: 'Consumer utilisation',
    formula: 'ρ = λS / c',
    why: 'In a stable queue every message is processed once, so consumers are busy λS of every c consumer-seconds. Holds over the whole run when there is no spike and no crash.',
    unit: 'share',
    predict: (p) => (steady(p) && calmRun(p) ? (lambda(p) * p.processingMs) / 1000 / p.consumers : undefined),
    tolerance: { relative: 0.05 },
  },
];
