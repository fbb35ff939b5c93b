import type { Simulation } from '../../engine/sim';
import { handshakeRoundTrips, type TlsVersion } from './handshake';

export type DialFailure = 'refused' | 'connect timeout';

export interface DialOptions {
  /** Round-trip time between the two hosts, ms. */
  rttMs: number;
  tls: TlsVersion | 'none';
  /**
   * How long a connection attempt across a cut path waits before giving up. Linux
   * retries a SYN tcp_syn_retries = 6 times (1 + 2 + … + 64 s = 127 s); browsers give up
   * sooner, so lessons pass their own.
   */
  connectTimeoutMs: number;
}

/**
 * Opens a connection from `client` to `server` as timed steps (no message per flight:
 * cheap enough for thousands of clients). While the server is down its host answers the
 * SYN with a RST: refused after one round trip. Across a partition no SYN-ACK comes:
 * the attempt fails after `connectTimeoutMs`. Otherwise the connection is open after
 * the TCP and TLS handshakes (1, 2 or 3 round trips; see handshake.ts).
 * `alive()` lets the caller cancel an attempt it abandoned meanwhile.
 */
export function dial(
  sim: Simulation,
  client: number,
  server: number,
  o: DialOptions,
  on: { open(): void; failed(why: DialFailure): void; alive(): boolean },
): void {
  const s = sim.scheduler;
  if (sim.net.isPartitioned(client, server)) {
    s.after(o.connectTimeoutMs, () => on.alive() && on.failed('connect timeout'));
  } else if (!sim.isUp(server)) {
    s.after(o.rttMs, () => on.alive() && on.failed('refused'));
  } else {
    s.after(handshakeRoundTrips(o.tls) * o.rttMs, () => on.alive() && on.open());
  }
}
