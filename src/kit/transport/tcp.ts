/**
 * TCP timers of a default Linux host (Documentation/networking/ip-sysctl.rst).
 *
 * tcp_retries2 (default 15): how many times unacknowledged data is retransmitted
 * before the connection is killed; "the default value of 15 yields a hypothetical
 * timeout of 924.6 seconds and is a lower bound for the effective timeout".
 * That figure is the sum of 16 retransmission timeouts doubling from TCP_RTO_MIN = 200 ms
 * and capped at TCP_RTO_MAX = 120 s: 0.2 + 0.4 + … + 102.4 + 6 × 120 = 924.6 s.
 */
export const TCP_RTO_MIN_MS = 200;
export const TCP_RTO_MAX_MS = 120_000;
export const TCP_RETRIES2 = 15;

/** Time from the first transmission until the kernel gives up after `retries` retransmissions. */
export function retransmitGiveUpMs(
  retries = TCP_RETRIES2,
  rtoMinMs = TCP_RTO_MIN_MS,
  rtoMaxMs = TCP_RTO_MAX_MS,
): number {
  let total = 0;
  let rto = rtoMinMs;
  for (let i = 0; i <= retries; i++) {
    total += rto;
    rto = Math.min(rto * 2, rtoMaxMs);
  }
  return total;
}

/** Linux's give-up time with default settings: 924.6 s. */
export const TCP_GIVE_UP_MS = retransmitGiveUpMs();

/**
 * TCP keepalive (tcp_keepalive_time 7200 s, tcp_keepalive_intvl 75 s, tcp_keepalive_probes 9):
 * an idle connection with SO_KEEPALIVE finds a dead peer after 7200 + 9·75 = 7875 s.
 */
export const TCP_KEEPALIVE_DETECT_MS = (7200 + 9 * 75) * 1000;
