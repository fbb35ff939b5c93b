import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { AsyncWorkersParams } from './params';

const prediction = predictionsFor<AsyncWorkersParams>();

/** No burst: the calm traffic alone. */
const CALM: Partial<AsyncWorkersParams> = { burstDevices: 0, durationMs: 30_000 };

export const asyncWorkersPredictions = [
  prediction({
    id: 'latency-split',
    question:
      'Synchronously, a post costs two database queries (5 ms each), one indexing (10 ms) and a 2 ms round trip for each. Store the post in the request, publish a message (one more round trip) and leave the count and the index to workers. The author’s mean wait becomes…',
    choices: [
      { id: 'same', label: '…about the same: the work is still done' },
      { id: 'half', label: '…about half' },
      { id: 'third', label: '…about a third' },
    ],
    runs: {
      sync: { ...CALM, mode: 'sync' },
      async: { ...CALM, mode: 'async' },
    },
    grade: (o) => {
      const sync = read(o.sync).summary('apiLatencyMs').mean;
      const async = read(o.async).summary('apiLatencyMs').mean;
      const ratio = sync / Math.max(async, 1e-6);
      return {
        answer: ratio >= 2.5 ? 'third' : ratio >= 1.5 ? 'half' : 'same',
        explanation: `Mean API latency: ${fmt(sync)} ms synchronous, ${fmt(async)} ms with the queue (${fmt(ratio)}× less). The author waits for the INSERT and the SendMessage only; the UPDATE and the indexing still happen, ${fmt(read(o.async).summary('consistencyDelayMs').mean)} ms later on average.`,
      };
    },
  }),
  prediction({
    id: 'burst-db',
    question:
      '2,000 devices report within one second; each reading costs two queries and one indexing. With the queue and 6 workers, the database’s busiest second sees…',
    choices: [
      { id: 'all', label: '…the whole burst at once, as without the queue (4,000 queries or so)' },
      { id: 'paced', label: '…only what the workers can take: a few hundred' },
      { id: 'none', label: '…almost nothing: the queue holds the readings until the burst is over' },
    ],
    runs: {
      sync: { mode: 'sync', burstDevices: 2000, durationMs: 40_000 },
      async: { mode: 'async', burstDevices: 2000, durationMs: 40_000, workers: 6 },
    },
    grade: (o) => {
      const sync = read(o.sync).count('dbLoadPeakPerSecond');
      const a = read(o.async);
      const peak = a.count('dbLoadPeakPerSecond');
      return {
        answer: peak >= 0.7 * sync ? 'all' : peak >= 100 ? 'paced' : 'none',
        explanation: `Busiest second: ${fmt(sync)} queries synchronously, ${fmt(peak)} with the queue. The queue held up to ${fmt(a.peak('queueDepth'))} messages and the workers took them at their own pace, so the database saw a steady load instead of the spike.`,
      };
    },
  }),
];
