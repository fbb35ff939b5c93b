import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { WorkloadName } from './api';
import type { realtimeMetrics } from './metrics';

type Writer = MetricWriter<typeof realtimeMetrics>;
type Counter = Parameters<Writer['inc']>[0];

/** One feature's view of the run's metrics: every figure counts in its feature's series and in the total. */
export class Meter {
  constructor(
    private readonly m: Writer,
    readonly workload: WorkloadName,
    private readonly memoryPerConnection: number,
    private readonly now: () => number,
  ) {}

  inc(n: Counter, by = 1): void {
    this.m.inc(n, by, this.workload);
  }

  /** Bytes of one message: overhead (headers, framing) and payload. */
  bytes(overhead: number, payload: number): void {
    this.inc('headerBytes', overhead);
    this.inc('payloadBytes', payload);
    this.inc('bytesOnWire', overhead + payload);
  }

  /** A handshake flight or FIN: on the wire, counted apart from HTTP headers. */
  handshakeBytes(bytes: number): void {
    this.inc('handshakeBytes', bytes);
    this.inc('bytesOnWire', bytes);
  }

  delivered(postedAt: number): void {
    this.inc('updatesDelivered');
    this.m.observe('deliveryLatencyMs', this.now() - postedAt, this.workload);
  }

  /** The server opened (+1) or closed (-1) a connection; memory and connection-ms follow the count. */
  connections(delta: number): void {
    this.m.level('connectionMs', delta, this.workload);
    this.m.add('openConnections', delta, this.workload);
    this.m.add('serverMemoryBytes', delta * this.memoryPerConnection, this.workload);
  }
}
