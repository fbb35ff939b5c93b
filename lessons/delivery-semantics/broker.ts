import type { Task } from '../../src/engine/scheduler';
import type { Simulation } from '../../src/engine/sim';
import { AppendLog } from '../../src/kit/log/append-log';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { FETCH_MAX_WAIT_MS } from './constants';
import type { Ledger } from './ledger';
import type { deliveryMetrics } from './metrics';
import type { BrokerIO } from './model';

interface PendingFetch {
  consumer: number;
  position: number;
  timer: Task;
}

/**
 * One partition of a Kafka topic and its consumer group's committed offset. A fetch is
 * answered once `batchSize` records are there or after fetch.max.wait.ms, with at most
 * `batchSize` records (max.poll.records). The committed offset is "the offset of the next
 * record to read" (KafkaConsumer javadoc, "Offsets and Consumer Position"); it lives with
 * the broker, so it survives the consumer.
 */
export class Partition {
  readonly log = new AppendLog<string>();
  committed = 0;
  private pending: PendingFetch | undefined;
  brokerId = -1;

  constructor(
    private readonly sim: Simulation,
    private readonly m: MetricWriter<typeof deliveryMetrics>,
    private readonly ledger: Ledger,
    private readonly batchSize: number,
  ) {}

  private lag(): void {
    this.m.set('consumerLag', this.log.lag(this.committed));
  }

  private answer(f: PendingFetch): void {
    this.sim.scheduler.cancel(f.timer);
    this.pending = undefined;
    const count = Math.min(this.batchSize, this.log.lag(f.position));
    const label = count === 0 ? 'no records' : `records ${f.position}–${f.position + count - 1}`;
    this.sim.send(this.brokerId, f.consumer, { type: 'RECORDS', first: f.position, count }, label);
  }

  readonly io: BrokerIO = {
    append: (id) => {
      this.log.append(id, this.sim.now);
      this.ledger.appended(this.sim.now);
      this.lag();
      const f = this.pending;
      if (f && this.log.lag(f.position) >= this.batchSize) this.answer(f);
    },
    fetch: (consumer, position) => {
      if (this.pending) this.sim.scheduler.cancel(this.pending.timer);
      const f: PendingFetch = {
        consumer,
        position: position ?? this.committed,
        timer: this.sim.scheduler.after(FETCH_MAX_WAIT_MS, () => this.answer(f)),
      };
      this.pending = f;
      if (this.log.lag(f.position) >= this.batchSize) this.answer(f);
    },
    commit: (consumer, offset) => {
      this.committed = offset;
      this.m.inc('offsetCommits');
      this.lag();
      this.sim.send(this.brokerId, consumer, { type: 'OFFSET_COMMITTED' }, `committed ${offset}`);
    },
  };

  /** The broker process died: the log and the committed offsets are on disk; a held fetch is gone. */
  crashed(): void {
    if (this.pending) this.sim.scheduler.cancel(this.pending.timer);
    this.pending = undefined;
  }
}
