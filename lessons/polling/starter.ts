import type { PollAnswer, PollSettings } from './api';

// Called each time an answer from the server reaches a client.
// Return how long (ms) the client waits before it sends its next request.
export function nextPollDelay(answer: PollAnswer, settings: PollSettings): number {
  return settings.pollIntervalMs;
}
