import type { BroadcastAction, ClientConnection, Heartbeat, RoomSettings } from './api';

export function heartbeat(settings: RoomSettings): Heartbeat {
  // A dead peer is closed between 2 and 3 intervals after it vanished: 10 to 15 s here,
  // inside the goal. Allowing two missed pongs (not one) lets a live client whose pong
  // is queued behind a few seconds of data survive.
  return { pingIntervalMs: 5000, missedPongsAllowed: 2 };
}

// 16 KiB: the kernel's initial TCP send buffer on Linux (tcp_wmem default). A healthy
// client holds about one round trip of data (a couple of KiB here), far below it.
const MAX_BUFFERED_BYTES = 16 * 1024;

export function onBroadcast(conn: ClientConnection, settings: RoomSettings): BroadcastAction {
  if (conn.bufferedBytes + conn.frameBytes <= MAX_BUFFERED_BYTES) return 'send';
  // A live feed can skip messages a lagging client could not read in time anyway;
  // its queue (and its pong delay) stays bounded. A chat that must not lose messages
  // would rather 'disconnect' and let the client reconnect and fetch the history.
  return 'drop';
}
