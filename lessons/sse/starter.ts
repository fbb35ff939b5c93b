import type { ReconnectInfo, StoredEvent, StreamRequest } from './api';

// Server: called when a tab opens a stream. Return the events to send first,
// before the live ones. A reconnecting tab sends the id of the last event it
// got in request.lastEventId.
export function replay(request: StreamRequest): readonly StoredEvent[] {
  return []; // every stream starts with the next live event
}

// Browser tab: called when its stream closed or a connection attempt failed.
// Return how long (ms) to wait before connecting again.
export function reconnectDelay(info: ReconnectInfo): number {
  return info.retryMs; // what EventSource does by itself
}
