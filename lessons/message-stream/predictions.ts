import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { MessageStreamParams } from './params';

const prediction = predictionsFor<MessageStreamParams>();

/** Nothing else going on, so one effect shows alone. */
const QUIET: Partial<MessageStreamParams> = { crashAtMs: 0, replayAtMs: 0, durationMs: 60_000 };

export const messageStreamPredictions = [
  prediction({
    id: 'more-consumers',
    question:
      'Four partitions, four consumers per group, and they cannot keep up: 100 posts/s at 50 ms each. You double the consumers to eight per group. The throughput of a group…',
    choices: [
      { id: 'double', label: '…about doubles' },
      { id: 'some', label: '…grows somewhat' },
      { id: 'same', label: '…stays the same' },
    ],
    runs: {
      four: { ...QUIET, recordsPerSecond: 100, processingMs: 50, partitions: 4, consumers: 4, keySkew: 0 },
      eight: { ...QUIET, recordsPerSecond: 100, processingMs: 50, partitions: 4, consumers: 8, keySkew: 0 },
    },
    grade: (o) => {
      const four = read(o.four).count('throughputPerSecond');
      const eight = read(o.eight).count('throughputPerSecond');
      const ratio = eight / Math.max(four, 1e-6);
      return {
        answer: ratio >= 1.6 ? 'double' : ratio >= 1.1 ? 'some' : 'same',
        explanation: `4 consumers: ${fmt(four)} records/s; 8 consumers: ${fmt(eight)} records/s, with ${fmt(read(o.eight).count('idleConsumers'))} consumers idle (two groups). A partition is read by one consumer of a group, so 4 partitions keep at most 4 busy: add partitions, not consumers.`,
      };
    },
  }),
  prediction({
    id: 'crash-other-group',
    question:
      'search-1, a search-indexing consumer, dies at 40 s without a word and restarts 20 s later. What does the blog-count group, reading the same posts, go through?',
    choices: [
      { id: 'unaffected', label: 'Nothing: it keeps its pace' },
      { id: 'pauses', label: 'It pauses for the rebalance too' },
      { id: 'loses', label: 'It misses the records search-1 had not read' },
    ],
    runs: { crash: { crashAtMs: 40_000, replayAtMs: 0, durationMs: 90_000 } },
    grade: (o) => {
      const m = read(o.crash);
      const blogRebalances = m.count('rebalances', 'blog');
      const answer =
        blogRebalances > 0 ? 'pauses' : m.count('lagAtEnd', 'blog') > 50 ? 'loses' : 'unaffected';
      return {
        answer,
        explanation: `blog-count: ${fmt(blogRebalances)} rebalances, largest lag after its first join ${fmt(m.count('steadyLagPeak'))} records. search-indexing: ${fmt(m.count('rebalances', 'search'))} rebalances, largest lag ${fmt(m.peak('groupLag', 'search'))} records, ${fmt(m.count('duplicates', 'search'))} records processed twice after the move, ${fmt(m.count('lagAtEnd', 'search'))} left at the end. Each group has its own members and offsets.`,
      };
    },
  }),
  prediction({
    id: 'retention-unread',
    question:
      'Retention is 10 s. search-1 dies; its partitions wait about 14 s (session timeout, then the rebalance) for a new owner. What happens to the records nobody in its group had read?',
    choices: [
      { id: 'kept', label: 'The log keeps them until the group reads them' },
      { id: 'deleted', label: 'Retention deletes them, read or not' },
      { id: 'blocked', label: 'The producer is told to wait' },
    ],
    runs: { short: { retentionMs: 10_000, crashAtMs: 30_000, replayAtMs: 0, durationMs: 70_000 } },
    grade: (o) => {
      const m = read(o.short);
      const gone = m.count('recordsExpiredUnread');
      return {
        answer: gone > 0 ? 'deleted' : 'kept',
        explanation: `${fmt(gone)} records were deleted before the search-indexing group processed them (of ${fmt(m.count('recordsProduced'))} produced); the group resumed at the log start (auto.offset.reset = earliest). The producer never waited.`,
      };
    },
  }),
];
