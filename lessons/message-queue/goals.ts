import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { messageQueueMetrics } from './metrics';
import type { MessageQueueParams } from './params';
import { DRAINED_BELOW } from './constants';

export const read = (run: RunOutcome) => metricReader(messageQueueMetrics, run.metrics);

export const DRAIN_LIMIT_MS = 15_000;
export const MIN_UTILIZATION = 0.5;

export const messageQueueGoals: Goal<MessageQueueParams>[] = [
  {
    id: 'no-loss',
    title: 'No message is lost',
    check: (run) => {
      const m = read(run);
      const lost = m.count('lost');
      const sent = m.count('messagesSent');
      const passed = lost === 0 && sent > 0;
      return {
        passed,
        detail: passed
          ? `0 of ${fmt(sent)} messages lost: ${fmt(m.count('processed'))} processed, ${fmt(m.count('deadLettered'))} dead-lettered, ${fmt(m.count('pendingAtEnd'))} still queued at the end.`
          : `${fmt(lost)} of ${fmt(sent)} messages ${lost === 1 ? 'was' : 'were'} deleted from the queue but never processed successfully (acknowledged before the work was done, or given up).`,
      };
    },
  },
  {
    id: 'poison-parked',
    title: 'Malformed messages end in the dead-letter queue, at most maxAttempts tries each',
    check: (run, p) => {
      const m = read(run);
      const sent = m.count('poisonSent');
      if (sent === 0)
        return {
          passed: true,
          detail: `No malformed message was sent (poison share ${fmt(p.failureRate)}).`,
        };
      const parked = m.count('poisonDeadLettered');
      const pending = m.count('poisonPending');
      const attempts = m.count('poisonAttempts');
      const bound = p.maxAttempts * sent;
      const passed = parked + pending === sent && attempts <= bound;
      return {
        passed,
        detail: `${fmt(parked)} of ${fmt(sent)} malformed messages dead-lettered, ${fmt(pending)} still on their way there; ${fmt(attempts)} attempts on them ${attempts <= bound ? '≤' : '>'} ${fmt(bound)} (${p.maxAttempts} each).`,
      };
    },
  },
  {
    id: 'drained',
    title: `The backlog is back under ${DRAINED_BELOW} messages within ${DRAIN_LIMIT_MS / 1000} s after the spike`,
    check: (run, p) => {
      const m = read(run);
      const end = p.spikeAtMs + p.spikeDurationMs;
      if (p.spikeFactor <= 1 || end >= p.durationMs)
        return { passed: true, detail: `No spike ends within this run (factor ${fmt(p.spikeFactor)}).` };
      const ms = m.count('spikeDrainMs');
      const drained = m.count('spikeDrained') === 1;
      const passed = drained && ms <= DRAIN_LIMIT_MS;
      return {
        passed,
        detail: drained
          ? `The backlog peaked at ${fmt(m.peak('backlog'))} messages and was under ${DRAINED_BELOW} ${fmt(ms / 1000)} s after the spike ${passed ? '≤' : '>'} ${DRAIN_LIMIT_MS / 1000} s.`
          : `The backlog peaked at ${fmt(m.peak('backlog'))} messages and was still over ${DRAINED_BELOW} at the end, ${fmt(ms / 1000)} s after the spike.`,
      };
    },
  },
  {
    id: 'efficient',
    title: `Consumers are busy at least ${MIN_UTILIZATION * 100}% of the time they run`,
    check: (run) => {
      const m = read(run);
      const u = m.count('consumerUtilization');
      const passed = u >= MIN_UTILIZATION;
      return {
        passed,
        detail: `Consumer utilisation ${fmt(u * 100)}% ${passed ? '≥' : '<'} ${MIN_UTILIZATION * 100}% (${fmt(m.count('consumerBusyMs') / 1000)} busy of ${fmt(m.count('consumerUpMs') / 1000)} consumer-seconds).`,
      };
    },
  },
];
