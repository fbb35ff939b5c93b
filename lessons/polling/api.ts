/** What the client learns from one answer of the server. */
export interface PollAnswer {
  /** 'short': the server answered at once; 'long': it held the request until news or its hold timeout. */
  strategy: 'short' | 'long';
  /**
   * 'data': updates arrived; 'empty': nothing new; 'error': the request failed (the server was down and its
   * host refused or reset the connection, or no answer came before the request timed out).
   */
  kind: 'data' | 'empty' | 'error';
  /** Updates this answer carried (0 for an empty answer). */
  updates: number;
  /** Request sent to answer received, in ms. */
  roundTripMs: number;
  /** Empty or failed answers in a row, this one included (0 after data). */
  emptyStreak: number;
  /** Failed requests in a row, this one included (0 after any answer from the server). */
  errorStreak: number;
}

/** The knobs of the scenario your policy runs in. */
export interface PollSettings {
  /** The short-polling interval the lesson's knob sets, ms. */
  pollIntervalMs: number;
  /** How long the server holds a long-poll request before answering empty, ms. */
  holdTimeoutMs: number;
  /** One-way network latency, ms. */
  latencyMs: number;
}

/** The client's polling policy: after each answer, how many ms (>= 0) to wait before asking again. */
export type NextPollDelay = (answer: PollAnswer, settings: PollSettings) => number;

export interface PollingApi {
  nextPollDelay: NextPollDelay;
}
