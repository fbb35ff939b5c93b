import type { Metrics } from '../../src/engine/metrics';
import type { WorkloadName } from './api';
import { metricName } from './workloads';

/** Counts every figure twice: in the run's total and in its workload's own metric. */
export class Meter {
  private open = 0;
  private since = 0;
  /** Connection-milliseconds held by the server so far (the area under its gauge). */
  private area = 0;

  constructor(
    private readonly m: Metrics,
    readonly workload: WorkloadName,
    private readonly memoryPerConnection: number,
    private readonly now: () => number,
  ) {
    m.declare(...COUNTERS.flatMap((c) => [c, this.name(c)]), this.name('connectionMs'));
    m.declareSummary('deliveryLatencyMs', this.name('latencyMs'));
    for (const g of ['openConnections', 'serverMemoryBytes']) {
      m.set(g, m.gauge(g));
      m.set(this.name(g), 0);
    }
  }

  name(n: string): string {
    return metricName(this.workload, n);
  }

  inc(n: (typeof COUNTERS)[number], by = 1): void {
    this.m.inc(n, by);
    this.m.inc(this.name(n), by);
  }

  /** Bytes of one message: overhead (headers, framing) and payload. */
  bytes(overhead: number, payload: number): void {
    this.inc('headerBytes', overhead);
    this.inc('payloadBytes', payload);
    this.inc('bytesOnWire', overhead + payload);
  }

  delivered(postedAt: number): void {
    const d = this.now() - postedAt;
    this.inc('updatesDelivered');
    this.m.observe('deliveryLatencyMs', d);
    this.m.observe(this.name('latencyMs'), d);
  }

  /** The server opened (+1) or closed (-1) a connection; memory follows the count. */
  connections(delta: number): void {
    this.settle();
    this.open += delta;
    this.m.add('openConnections', delta);
    this.m.add('serverMemoryBytes', delta * this.memoryPerConnection);
    this.m.set(this.name('openConnections'), this.open);
    this.m.set(this.name('serverMemoryBytes'), this.open * this.memoryPerConnection);
  }

  /** Adds the connection time since the last change to the workload's `connectionMs` counter. */
  settle(): void {
    const t = this.now();
    this.area += this.open * (t - this.since);
    this.since = t;
    const key = this.name('connectionMs');
    this.m.inc(key, this.area - this.m.count(key));
  }
}

const COUNTERS = [
  'requests',
  'handshakes',
  'handshakeRoundTrips',
  'bytesOnWire',
  'headerBytes',
  'payloadBytes',
  'updatesPublished',
  'updatesSent',
  'updatesDelivered',
  'messagesSent',
  'upstreamOverheadBytes',
  'emptyResponses',
] as const;
