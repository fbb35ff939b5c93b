import { defineMetrics } from '../../src/kit/metrics/table';

/** Every figure a delivery-semantics run reports. */
export const deliveryMetrics = defineMetrics({
  expectedEffects: {
    kind: 'counter',
    unit: 'effects',
    help: 'Messages the producer appended: each should raise the count by exactly one',
  },
  effectsApplied: {
    kind: 'counter',
    unit: 'effects',
    help: 'What the committed transactions added to the count (its final value)',
  },
  duplicateEffects: {
    kind: 'counter',
    unit: 'effects',
    help: 'Effects applied to a message beyond the first (the count raised twice or more for it)',
  },
  lostEffects: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages whose offset was committed but whose effect never reached the database',
  },
  pendingAtEnd: {
    kind: 'counter',
    unit: 'messages',
    help: 'Messages not yet processed when the run ended (past the committed offset, or in the batch in hand)',
  },
  deliveries: {
    kind: 'counter',
    unit: 'deliveries',
    help: 'Records handed to the handler, redeliveries included',
  },
  duplicateDeliveries: {
    kind: 'counter',
    unit: 'deliveries',
    help: 'Deliveries of a message whose effect an earlier delivery had already committed (what the handler must recognise)',
  },
  consumerCrashes: { kind: 'counter', unit: 'crashes', help: 'Times the consumer process died' },
  rewinds: {
    kind: 'counter',
    unit: 'times',
    help: 'Times the consumer gave up on an unanswered request and started again from the committed offset',
  },
  offsetCommits: { kind: 'counter', unit: 'commits', help: 'Offset commits the broker stored' },
  txCommitted: { kind: 'counter', unit: 'transactions', help: 'Database transactions committed' },
  txRolledBack: {
    kind: 'counter',
    unit: 'transactions',
    help: 'Database transactions rolled back because the consumer (or the database) died first',
  },
  duplicatesSoFar: {
    kind: 'gauge',
    unit: 'effects',
    help: 'Effects applied twice or more, so far',
  },
  lostSoFar: {
    kind: 'gauge',
    unit: 'messages',
    help: 'Messages skipped without their effect, so far (counted when the consumer restarts past them)',
  },
  consumerLag: {
    kind: 'gauge',
    unit: 'records',
    help: 'Records appended but not yet behind the committed offset',
  },
  effectDelayMs: {
    kind: 'summary',
    unit: 'ms',
    help: 'From the append to the first committed effect of a message',
  },
});
