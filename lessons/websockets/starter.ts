import type { BroadcastAction, ClientConnection, Heartbeat, RoomSettings } from './api';

// Called once when the server starts: how (and whether) it pings its clients.
export function heartbeat(settings: RoomSettings): Heartbeat {
  // No pings: if a client goes away, TCP will tell us. Won't it?
  return { pingIntervalMs: null, missedPongsAllowed: 1 };
}

// Called for every client a chat message is about to be sent to.
export function onBroadcast(conn: ClientConnection, settings: RoomSettings): BroadcastAction {
  // Queue everything: the socket catches up eventually.
  return 'send';
}
