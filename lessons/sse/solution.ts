import type { ReconnectInfo, StoredEvent, StreamRequest } from './api';

export function replay(request: StreamRequest): readonly StoredEvent[] {
  // A first connection wants the live feed only.
  if (request.lastEventId === null) return [];
  // A reconnecting tab gets what it missed, once: everything after its last id
  // that is still in the replay window.
  const last = request.lastEventId;
  return request.recent.filter((e) => e.id > last);
}

export function reconnectDelay(info: ReconnectInfo): number {
  // Exponential backoff with "full jitter": a random wait below a ceiling that
  // doubles with each failed attempt. Tabs cut off at the same instant (a server
  // restart) come back spread out instead of all at once.
  const ceiling = Math.min(60_000, info.retryMs * 2 ** info.attempt);
  return Math.random() * ceiling;
}
