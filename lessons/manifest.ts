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
    ],
  },
];

export const lessonEntries: LessonEntry[] = manifest.flatMap((t) => t.lessons);

export function lessonEntry(id: string): LessonEntry | undefined {
  return lessonEntries.find((e) => e.id === id);
}
