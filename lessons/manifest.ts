/** Order, grouping and titles of the lessons. Each id is a folder under lessons/. */
export interface LessonEntry {
  id: string;
  title: string;
  summary: string;
}

export interface Topic {
  topic: string;
  lessons: LessonEntry[];
}

export const manifest: Topic[] = [
  {
    topic: 'Talking to clients',
    lessons: [
      {
        id: 'polling',
        title: 'Short vs long polling',
        summary: 'Ask on a timer, or let the server hold the request until there is news.',
      },
      {
        id: 'sse',
        title: 'Server-sent events',
        summary:
          'One response that never ends: reconnect with Last-Event-ID, replay what was missed, mind the 6-connection limit.',
      },
      {
        id: 'websockets',
        title: 'WebSockets',
        summary:
          'Upgrade an HTTP request to a full-duplex connection; find dead peers with ping/pong, and keep one slow client from eating the server.',
      },
      {
        id: 'realtime-compare',
        title: 'Choosing a real-time technique',
        summary:
          'Short polling, long polling, SSE and WebSockets on a ticker, a chat and rare notifications: handshakes, header bytes, latency and connections held.',
      },
    ],
  },
  {
    topic: 'Messaging',
    lessons: [
      {
        id: 'message-queue',
        title: 'Message queues: competing consumers',
        summary:
          "Consumers pull, process and acknowledge; a crash means redelivery after the visibility timeout, poison messages go to a dead-letter queue, a spike drains at the consumers' pace.",
      },
      {
        id: 'message-stream',
        title: 'Message streams: partitions and consumer groups',
        summary:
          'A topic split into partitioned logs; keys keep order within a partition; each group reads at its own offsets; a crash pauses its group for a rebalance; retention deletes read or not.',
      },
      {
        id: 'delivery-semantics',
        title: 'Delivery semantics: at-most-once, at-least-once, effectively-once',
        summary:
          'Commit the offset before or after processing and crash in between: lost or duplicated effects. An idempotency key in the same database transaction makes the count exact.',
      },
      {
        id: 'async-workers',
        title: 'Delegation: a queue and workers',
        summary:
          'Answer after the work that must be done now, queue the rest: API latency, a database spared a burst of 2,000 devices, counts that catch up a moment later.',
      },
    ],
  },
  {
    topic: 'Data',
    lessons: [
      {
        id: 'sharding-routers',
        title: 'Sharding routers',
        summary:
          'Key ranges, hash mod N, consistent hashing with virtual nodes, and a directory: how evenly load spreads, and how many keys move when a shard joins.',
      },
      {
        id: 'cross-shard-queries',
        title: 'Cross-shard queries and secondary indexes',
        summary:
          'A query by a non-shard key: scatter-gather to every shard (the slowest sets the latency) or a global index (an extra write per update, applied late, so reads can be stale).',
      },
      {
        id: 'replication-lag',
        title: 'Replication lag: read-your-writes and friends',
        summary:
          'Read replicas lag the leader: see your own update vanish on reload and profiles go back in time, route reads by log position, and weigh async, semi-sync and sync replication against what a leader crash loses.',
      },
      {
        id: 'replication-methods',
        title: 'Replication methods: statements, WAL, rows',
        summary:
          'The same writes shipped three ways: SQL text that diverges on SYSDATE(), UUID() and interleaved AUTO_INCREMENT, storage-level WAL tied to one major version, and changed rows that replay exactly at a price in bytes.',
      },
    ],
  },
];

export const lessonEntries: LessonEntry[] = manifest.flatMap((t) => t.lessons);

export function lessonEntry(id: string): LessonEntry | undefined {
  return lessonEntries.find((e) => e.id === id);
}
