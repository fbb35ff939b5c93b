import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { MessageQueueParams } from './params';

/** Scenarios with nothing else going on, so one effect shows alone. */
const QUIET: Partial<MessageQueueParams> = { failureRate: 0, spikeFactor: 1, crashAtMs: 0 };

const prediction = predictionsFor<MessageQueueParams>();

export const messageQueuePredictions = [
  prediction({
    id: 'crash-mid-message',
    question:
      'A consumer dies halfway through a message. The consumer deletes a message only after processing it. What happens to that message?',
    choices: [
      { id: 'lost', label: 'It is lost' },
      { id: 'duplicated', label: 'It is processed twice' },
      { id: 'delayed', label: 'Another consumer gets it once the visibility timeout runs out' },
      { id: 'at-once', label: 'Another consumer gets it at once' },
    ],
    runs: { crash: { ...QUIET, crashAtMs: 20_000, durationMs: 60_000, visibilityTimeoutMs: 10_000 } },
    grade: (o) => {
      const m = read(o.crash);
      const latest = m.summary('endToEndLatencyMs').max;
      const answer =
        m.count('lost') > 0
          ? 'lost'
          : m.count('duplicates') > 0
            ? 'duplicated'
            : m.count('redeliveries') > 0 && latest >= 10_000 * 0.9
              ? 'delayed'
              : 'at-once';
      return {
        answer,
        explanation: `${fmt(m.count('lost'))} lost, ${fmt(m.count('duplicates'))} duplicates, ${fmt(m.count('redeliveries'))} redelivery; the slowest message took ${fmt(latest / 1000)} s end to end: the queue kept it invisible for the 10 s visibility timeout, then handed it to another consumer.`,
      };
    },
  }),
  prediction({
    id: 'short-visibility',
    question:
      'Nobody crashes, but the visibility timeout (60 ms) is shorter than a typical processing time (80 ms on average). What happens?',
    choices: [
      { id: 'fine', label: 'Nothing special: no consumer failed' },
      { id: 'duplicates', label: 'Messages get processed more than once' },
      { id: 'lost', label: 'Messages get lost' },
    ],
    runs: {
      short: {
        ...QUIET,
        visibilityTimeoutMs: 60,
        processingMs: 80,
        messagesPerSecond: 20,
        durationMs: 30_000,
      },
    },
    grade: (o) => {
      const m = read(o.short);
      const dup = m.count('duplicates');
      const lost = m.count('lost');
      return {
        answer: dup > 0 ? 'duplicates' : lost > 0 ? 'lost' : 'fine',
        explanation: `${fmt(m.count('visibilityExpiries'))} visibility timeouts ran out while consumers were still working, so ${fmt(dup)} messages were processed twice or more (and ${fmt(m.count('deadLettered'))} hit the receive limit and were dead-lettered). Lost: ${fmt(lost)}.`,
      };
    },
  }),
  prediction({
    id: 'double-consumers',
    question:
      'Five consumers are 90% busy (55 messages/s, 80 ms each). You double them to ten. The mean wait in the queue…',
    choices: [
      { id: 'same', label: '…barely changes' },
      { id: 'half', label: '…halves' },
      { id: 'tenth', label: '…falls to less than a tenth' },
    ],
    runs: {
      five: { ...QUIET, messagesPerSecond: 55, processingMs: 80, consumers: 5 },
      ten: { ...QUIET, messagesPerSecond: 55, processingMs: 80, consumers: 10 },
    },
    grade: (o) => {
      const five = read(o.five).summary('queueWaitMs').mean;
      const ten = read(o.ten).summary('queueWaitMs').mean;
      const ratio = five / Math.max(ten, 1e-6);
      return {
        answer: ratio >= 10 ? 'tenth' : ratio >= 1.5 ? 'half' : 'same',
        explanation: `Mean wait with 5 consumers: ${fmt(five)} ms; with 10: ${fmt(ten)} ms (${fmt(ratio)}× less). Near full utilisation the wait grows like 1/(1 − ρ): halving ρ from 0.9 does far more than halve it.`,
      };
    },
  }),
];
