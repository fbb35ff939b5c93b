/** The four ways a page can get news from a server. */
export type Technique = 'short' | 'long' | 'sse' | 'websocket';

export type WorkloadName = 'ticker' | 'chat' | 'notifications';

/** What the product needs from one real-time feature (the lesson's goals check these numbers). */
export interface WorkloadNeeds {
  /** Every update (or chat message) must reach the page within this many ms (p99). */
  maxDelayMs: number;
  /** Ticker: bytes on the wire per delivered update, all overhead included, at most. */
  maxBytesPerUpdate?: number;
  /** Chat: overhead bytes (headers, framing) per message the page sends, at most. */
  maxUpstreamOverheadBytes?: number;
  /** Notifications: server connections held per user on average, at most (each costs memory). */
  maxConnectionsPerUser?: number;
}

/** One feature of the app, each served by its own service (its own origin). */
export interface WorkloadInfo {
  name: WorkloadName;
  /** Users (browser tabs) using this feature. */
  clients: number;
  /** Updates the server sends to each page per second, on average. */
  serverToClientPerSecond: number;
  /** Messages each page sends to the server per second, on average (0: it only listens). */
  clientToServerPerSecond: number;
  /** Payload bytes of one update or message (the JSON itself, no headers). */
  payloadBytes: number;
  /** The interval a short-polling page of this feature would poll at: half its delay budget. */
  pollIntervalMs: number;
  /** HTTP request + response header bytes per round trip in this run. */
  headerBytes: number;
  needs: WorkloadNeeds;
}

export interface RealtimeCompareApi {
  /** Called once per workload: which technique its pages use. */
  chooseTechnique(workload: WorkloadInfo): Technique;
}
