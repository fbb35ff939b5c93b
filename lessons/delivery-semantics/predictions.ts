import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { DeliveryParams } from './params';

const prediction = predictionsFor<DeliveryParams>();

const SHORT: Partial<DeliveryParams> = { durationMs: 60_000, crashEveryMs: 5000, messagesPerSecond: 50 };

const fate = (o: Parameters<typeof read>[0]) => {
  const m = read(o);
  return m.count('lostEffects') > 0 ? 'lost' : m.count('duplicateDeliveries') > 0 ? 'redelivered' : 'nothing';
};

const CHOICES = [
  { id: 'redelivered', label: 'They are delivered again after the restart' },
  { id: 'lost', label: 'They are never processed' },
  { id: 'nothing', label: 'Nothing: the broker knows which ones were processed' },
] as const;

export const deliveryPredictions = [
  prediction({
    id: 'crash-commit-after',
    question:
      'The consumer commits the offset after processing each batch of 20 records, and crashes every 5 s. What happens to the records of the batch it had already processed when it died?',
    choices: CHOICES,
    runs: { after: { ...SHORT, commit: 'after' } },
    grade: (o) => {
      const m = read(o.after);
      return {
        answer: fate(o.after),
        explanation: `${fmt(m.count('consumerCrashes'))} crashes; ${fmt(m.count('duplicateDeliveries'))} deliveries of records whose effect had already committed, ${fmt(m.count('lostEffects'))} lost. The restarted consumer fetches from the committed offset, which is still before them.`,
      };
    },
  }),
  prediction({
    id: 'crash-commit-before',
    question:
      'Now the consumer commits the offset as soon as a batch arrives, then processes it. It crashes halfway through a batch. What happens to the records it had not processed yet?',
    choices: CHOICES,
    runs: { before: { ...SHORT, commit: 'before' } },
    grade: (o) => {
      const m = read(o.before);
      return {
        answer: fate(o.before),
        explanation: `${fmt(m.count('consumerCrashes'))} crashes; ${fmt(m.count('lostEffects'))} records committed past and never processed, ${fmt(m.count('duplicateDeliveries'))} redelivered. The committed offset already points past them, so the restarted consumer never sees them.`,
      };
    },
  }),
  prediction({
    id: 'bigger-batches',
    question:
      'Committing after processing, the batch grows from 10 to 40 records (the same messages per second). Redeliveries per crash…',
    choices: [
      { id: 'same', label: '…stay about the same' },
      { id: 'fourfold', label: '…grow about fourfold' },
      { id: 'fewer', label: '…shrink: fewer commits, fewer chances to fail' },
    ],
    runs: {
      small: { commit: 'after', batchSize: 10 },
      large: { commit: 'after', batchSize: 40 },
    },
    grade: (o) => {
      const per = (x: typeof o.small) =>
        read(x).count('duplicateDeliveries') / Math.max(1, read(x).count('consumerCrashes'));
      const small = per(o.small);
      const large = per(o.large);
      const ratio = large / Math.max(small, 1e-6);
      return {
        answer: ratio >= 2.5 ? 'fourfold' : ratio >= 0.7 ? 'same' : 'fewer',
        explanation: `${fmt(small)} redeliveries per crash with batches of 10, ${fmt(large)} with 40 (${fmt(ratio)}×). What a crash redelivers is what was processed and not yet committed: on average about half a batch while the consumer is busy.`,
      };
    },
  }),
];
