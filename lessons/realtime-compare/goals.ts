import { metricReader, type MetricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import type { WorkloadName } from './api';
import { realtimeMetrics } from './metrics';
import type { RealtimeParams } from './params';
import { NEEDS } from './workloads';

export const TECHNIQUE_LABELS = ['short polling', 'long polling', 'SSE', 'WebSockets'] as const;

type Reader = MetricReader<typeof realtimeMetrics>;
const read = (run: RunOutcome): Reader => metricReader(realtimeMetrics, run.metrics);
const used = (m: Reader, w: WorkloadName) => TECHNIQUE_LABELS[m.count('technique', w)] ?? '?';

/** Every update of workload `w` reaches its pages within its delay budget (p99). */
function fresh(w: WorkloadName, what: string): Goal<RealtimeParams> {
  return {
    id: `${w}-fresh`,
    title: `${what} arrive within ${fmt(NEEDS[w].maxDelayMs / 1000)} s (p99)`,
    check: (run) => {
      const m = read(run);
      const s = m.summary('deliveryLatencyMs', w);
      const limit = NEEDS[w].maxDelayMs;
      if (s.count === 0)
        return {
          passed: false,
          detail: `${w} over ${used(m, w)}: nothing was delivered in this run (${fmt(m.count('updatesPublished', w))} published), so there is no delay to judge; run longer.`,
        };
      const passed = s.p99 <= limit;
      return {
        passed,
        detail: `${w} over ${used(m, w)}: p99 delivery ${fmt(s.p99)} ms ${passed ? '≤' : '>'} ${fmt(limit)} ms over ${fmt(s.count)} deliveries (p50 ${fmt(s.p50)} ms).`,
      };
    },
  };
}

export const realtimeGoals: Goal<RealtimeParams>[] = [
  fresh('ticker', 'Ticker updates'),
  {
    id: 'ticker-lean',
    title: 'The ticker spends at most 150 bytes on the wire per delivered update',
    check: (run) => {
      const m = read(run);
      const per = m.count('bytesPerUpdate', 'ticker');
      const limit = NEEDS.ticker.maxBytesPerUpdate!;
      const delivered = m.count('updatesDelivered', 'ticker');
      const passed = delivered > 0 && per <= limit;
      return {
        passed,
        detail: `ticker over ${used(m, 'ticker')}: ${fmt(m.count('bytesOnWire', 'ticker'))} bytes for ${fmt(delivered)} updates = ${fmt(per)} B per update ${passed ? '≤' : '>'} ${limit} B (payload 60 B; ${fmt(m.count('requests', 'ticker'))} HTTP requests, ${fmt(m.count('handshakes', 'ticker'))} handshakes of ${fmt(m.count('handshakeBytes', 'ticker'))} bytes in all).`,
      };
    },
  },
  fresh('chat', 'Chat messages'),
  {
    id: 'chat-upstream',
    title: 'Sending a chat message costs at most 64 bytes of overhead (no HTTP request per message)',
    check: (run) => {
      const m = read(run);
      const per = m.count('chatUpstreamOverheadPerMessage');
      const limit = NEEDS.chat.maxUpstreamOverheadBytes!;
      const sent = m.count('messagesSent', 'chat');
      const passed = sent > 0 && per <= limit;
      return {
        passed,
        detail: `chat over ${used(m, 'chat')}: ${fmt(sent)} messages sent with ${fmt(per)} bytes of headers or framing each ${passed ? '≤' : '>'} ${limit} B.`,
      };
    },
  },
  fresh('notifications', 'Notifications'),
  {
    id: 'notifications-idle',
    title: 'The notification server holds at most 0.25 connections per user on average',
    check: (run, p) => {
      const m = read(run);
      const per = m.count('connectionsPerUser', 'notifications');
      const limit = NEEDS.notifications.maxConnectionsPerUser!;
      const passed = per <= limit;
      return {
        passed,
        detail: `notifications over ${used(m, 'notifications')}: ${fmt(per)} connections held per user on average ${passed ? '≤' : '>'} ${limit} (≈ ${fmt(per * p.connectionMemoryKiB)} KiB of server memory per user at ${p.connectionMemoryKiB} KiB per connection) for ${fmt(m.count('updatesDelivered', 'notifications'))} notifications.`,
      };
    },
  },
];
