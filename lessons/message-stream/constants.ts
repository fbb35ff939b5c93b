/** Figures of the scenario shared by the model, the goals, the theory and the views (no runtime imports). */

export const MAX_PARTITIONS = 6;
export const MAX_CONSUMERS = 8;
export const PARTITION_LABELS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'] as const;
export const GROUPS = ['blog', 'search'] as const;
export type GroupName = (typeof GROUPS)[number];
/** What each group is called on the page. */
export const GROUP_TITLE: Record<GroupName, string> = { blog: 'blog-count', search: 'search-indexing' };

/** One-way latency of every link (producer, broker and consumers share a data centre). */
export const LINK_MS = 1;
/**
 * session.timeout.ms: a member silent this long is evicted. Kafka's default is 45,000 ms
 * (10,000 before 3.0, KIP-735); this lesson uses the old 10 s so a crash shows within a run.
 */
export const SESSION_TIMEOUT_MS = 10_000;
/** heartbeat.interval.ms (Kafka default 3,000 ms; keep it under a third of the session timeout). */
export const HEARTBEAT_MS = 3000;
/**
 * A rebalance stops the whole group this long: members learn of it at their next heartbeat
 * (up to heartbeat.interval.ms), rejoin and get their assignment. The group's first join waits
 * group.initial.rebalance.delay.ms, 3,000 ms by default, the same figure.
 */
export const REBALANCE_PAUSE_MS = 3000;
/** auto.commit.interval.ms (Kafka default 5,000 ms); 1 s here so the committed offsets move visibly. */
export const COMMIT_INTERVAL_MS = 1000;
/** log.retention.check.interval.ms (Kafka default 300,000 ms); every second here. */
export const RETENTION_CHECK_MS = 1000;
/** The crashed consumer's supervisor restarts it this much later. */
export const RESTART_AFTER_MS = 20_000;
/** The consumer the scheduled crash kills. */
export const CRASHED_CONSUMER = 'search-1';
/** Theory windows start after this warm-up (the first join pause, then the queues fill). */
export const WARMUP_MS = 8000;
/** A group counts as caught up when it has fewer than this many records left to process. */
export const CAUGHT_UP_RECORDS = 50;

/** The blog-count group's calm window [start, end): after the warm-up, before any replay. */
export function calmWindow(p: { durationMs: number; replayAtMs: number }): {
  startMs: number;
  endMs: number;
} {
  const end = p.replayAtMs > 0 ? Math.min(p.replayAtMs, p.durationMs) : p.durationMs;
  return { startMs: WARMUP_MS, endMs: Math.max(WARMUP_MS, end) };
}
