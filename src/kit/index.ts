/**
 * The lesson kit: what lessons are built from, on top of the engine's public API.
 * See README.md in this folder for which primitive to reach for.
 */
export { atEndOfRun } from './lifecycle';
export { recordDrop } from './drops';
export {
  defineMetrics,
  type MetricKey,
  type MetricName,
  type MetricSpec,
  type MetricTable,
} from './metrics/table';
export { metricReader, type MetricReader } from './metrics/reader';
export { MetricWriter } from './metrics/writer';
export { bursty, diurnal, diurnalRate, poisson } from './workloads/arrivals';
export { Zipf } from './workloads/zipf';
export * from './protocol/http';
export * from './protocol/websocket';
export * from './transport/handshake';
export * from './transport/tcp';
export { dial, type DialFailure, type DialOptions } from './transport/dial';
export { OriginPool, type Conn as PoolConn } from './transport/origin-pool';
export { SendBuffer, type OutFrame } from './transport/send-buffer';
export {
  Transport as KeepAliveTransport,
  type PacketEvent,
  type TransportHooks,
} from './transport/keep-alive';
export { PendingRequests, type RequestFailure } from './http/pending';
export {
  MessageQueue,
  MAX_VISIBILITY_MS,
  type MessageState,
  type QueueConfig,
  type Received,
} from './broker/queue';
export { queueMetrics, type QueueMetrics } from './broker/metrics';
export * from './keyspace';
export * from './theory/queueing';
export * from './theory/hashing';
export { AppendLog, type LogRecord } from './log/append-log';
export {
  startRetention,
  KAFKA_RETENTION_MS,
  KAFKA_RETENTION_CHECK_MS,
  type RetentionOptions,
} from './log/retention';
export { Station, type StationOptions, type Rejection } from './service/station';
export { KvStore, type Transaction, type Commit } from './store/kv-store';
export { bucketShares, zipfShares } from './workloads/zipf';
export { hop, type HopOptions } from './transport/hop';
export * from './theory/fanout';
