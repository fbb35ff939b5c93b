import type { Technique, WorkloadInfo, WorkloadName, WorkloadNeeds } from './api';

export const TECHNIQUES: readonly Technique[] = ['short', 'long', 'sse', 'websocket'];

export const WORKLOADS: readonly WorkloadName[] = ['ticker', 'chat', 'notifications'];

/** The knobs the workloads depend on. */
export interface WorkloadKnobs {
  clients: number;
  tickerUpdatesPerSecond: number;
  headerBytes: number;
}

/** A chat member posts one message every 10 s on average while the room is busy (an assumption). */
export const CHAT_POSTS_PER_SECOND = 0.1;
/** One notification every 2 minutes per user on average (an assumption: "rare"). */
export const NOTIFICATIONS_PER_SECOND = 1 / 120;

/** What the product asks of each feature: the lesson's goals. */
export const NEEDS: Record<WorkloadName, WorkloadNeeds> = {
  ticker: { maxDelayMs: 500, maxBytesPerUpdate: 150 },
  chat: { maxDelayMs: 500, maxUpstreamOverheadBytes: 64 },
  notifications: { maxDelayMs: 60_000, maxConnectionsPerUser: 0.25 },
};

/**
 * The three features. Payloads are small JSON objects: a quote (symbol, bid, ask,
 * time) is about 60 bytes, a chat line about 200, a notification with a title, a
 * link and an avatar URL about 300. The needs are what the product asks for; each
 * is one of the lesson's goals.
 */
export function workloadInfo(name: WorkloadName, k: WorkloadKnobs): WorkloadInfo {
  const base = { name, clients: k.clients, headerBytes: k.headerBytes, needs: { ...NEEDS[name] } };
  switch (name) {
    case 'ticker':
      return {
        ...base,
        serverToClientPerSecond: k.tickerUpdatesPerSecond,
        clientToServerPerSecond: 0,
        payloadBytes: 60,
        pollIntervalMs: 250,
      };
    case 'chat':
      return {
        ...base,
        // Every member's message goes to every other member.
        serverToClientPerSecond: (k.clients - 1) * CHAT_POSTS_PER_SECOND,
        clientToServerPerSecond: CHAT_POSTS_PER_SECOND,
        payloadBytes: 200,
        pollIntervalMs: 250,
      };
    case 'notifications':
      return {
        ...base,
        serverToClientPerSecond: NOTIFICATIONS_PER_SECOND,
        clientToServerPerSecond: 0,
        payloadBytes: 300,
        pollIntervalMs: 30_000,
      };
  }
}
