import type { Simulation } from '../../engine/sim';
import type { AppendLog, LogRecord } from './append-log';

/**
 * Time-based retention as Kafka does it: a background check every
 * `log.retention.check.interval.ms` (default 300,000 ms) deletes records older than
 * `retention.ms` (default 604,800,000 ms = 7 days), whether or not anyone read them
 * (https://kafka.apache.org/documentation/#topicconfigs_retention.ms,
 * https://kafka.apache.org/documentation/#brokerconfigs_log.retention.check.interval.ms).
 * Kafka deletes whole segments (`segment.ms`, `segment.bytes`), so a record can outlive its
 * retention by up to a segment's span; this model deletes per record, the finest case.
 */
export const KAFKA_RETENTION_MS = 604_800_000;
export const KAFKA_RETENTION_CHECK_MS = 300_000;

export interface RetentionOptions<T> {
  retentionMs: number;
  checkIntervalMs?: number;
  /** Called with each batch deleted (e.g. to count records no group had read). */
  onDelete?: (records: LogRecord<T>[]) => void;
}

/** Starts periodic retention on `logs`; returns a function that stops it. */
export function startRetention<T>(
  sim: Simulation,
  logs: readonly AppendLog<T>[],
  { retentionMs, checkIntervalMs = KAFKA_RETENTION_CHECK_MS, onDelete }: RetentionOptions<T>,
): () => void {
  if (!(retentionMs > 0) || !(checkIntervalMs > 0))
    throw new RangeError('retention and check interval must be > 0 ms');
  let stopped = false;
  const check = () => {
    if (stopped) return;
    const cutoff = sim.now - retentionMs;
    for (const log of logs) {
      const gone = log.expire(cutoff);
      if (gone.length > 0) onDelete?.(gone);
    }
    sim.scheduler.after(checkIntervalMs, check);
  };
  sim.scheduler.after(checkIntervalMs, check);
  return () => {
    stopped = true;
  };
}
