import type { PollAnswer, PollSettings } from './api';

export function nextPollDelay(answer: PollAnswer, settings: PollSettings): number {
  // A failed request (server down, link cut): back off, with jitter so that
  // clients do not all come back in the same instant.
  if (answer.kind === 'error') {
    const backoff = Math.min(30_000, 500 * 2 ** Math.min(answer.errorStreak - 1, 6));
    return backoff / 2 + Math.random() * (backoff / 2);
  }
  // A long-poll answer means the server already waited for news on our behalf:
  // ask again at once, or every update published meanwhile waits for us.
  if (answer.strategy === 'long') return 0;
  // Short polling: the interval is the whole trade-off between freshness and cost.
  return settings.pollIntervalMs;
}
