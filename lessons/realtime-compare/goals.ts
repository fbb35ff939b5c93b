import { fmt, metricNumber, metricSummary } from '../../src/lesson/metric-access';
import type { Goal, Metrics } from '../../src/lesson/types';
import type { WorkloadName } from './api';
import type { RealtimeParams } from './params';
import { metricName, NEEDS } from './workloads';

export const TECHNIQUE_LABELS = ['short polling', 'long polling', 'SSE', 'WebSockets'] as const;

const used = (m: Metrics, w: WorkloadName) =>
  TECHNIQUE_LABELS[metricNumber(m, metricName(w, 'technique'))] ?? '?';

/** Every update of workload `w` reaches its pages within its delay budget (p99). */
function fresh(w: WorkloadName, what: string): Goal<RealtimeParams> {
  return {
    id: `${w}-fresh`,
    title: `${what} arrive within ${fmt(NEEDS[w].maxDelayMs / 1000)} s (p99)`,
    check: ({ metrics }) => {
      const s = metricSummary(metrics, metricName(w, 'latencyMs'));
      const limit = NEEDS[w].maxDelayMs;
      const passed = s.count > 0 && s.p99 <= limit;
      return {
        passed,
        detail: `${w} over ${used(metrics, w)}: p99 delivery ${fmt(s.p99)} ms ${passed ? '≤' : '>'} ${fmt(limit)} ms over ${fmt(s.count)} deliveries (p50 ${fmt(s.p50)} ms).`,
      };
    },
  };
}

export const realtimeGoals: Goal<RealtimeParams>[] = [
  fresh('ticker', 'Ticker updates'),
  {
    id: 'ticker-lean',
    title: 'The ticker spends at most 150 bytes on the wire per delivered update',
    check: ({ metrics }) => {
      const per = metricNumber(metrics, 'tickerBytesPerUpdate');
      const limit = NEEDS.ticker.maxBytesPerUpdate!;
      const passed = metricNumber(metrics, 'tickerUpdatesDelivered') > 0 && per <= limit;
      return {
        passed,
        detail: `ticker over ${used(metrics, 'ticker')}: ${fmt(metricNumber(metrics, 'tickerBytesOnWire'))} bytes for ${fmt(metricNumber(metrics, 'tickerUpdatesDelivered'))} updates = ${fmt(per)} B per update ${passed ? '≤' : '>'} ${limit} B (payload 60 B; ${fmt(metricNumber(metrics, 'tickerRequests'))} HTTP requests).`,
      };
    },
  },
  fresh('chat', 'Chat messages'),
  {
    id: 'chat-upstream',
    title: 'Sending a chat message costs at most 64 bytes of overhead (no HTTP request per message)',
    check: ({ metrics }) => {
      const per = metricNumber(metrics, 'chatUpstreamOverheadPerMessage');
      const limit = NEEDS.chat.maxUpstreamOverheadBytes!;
      const sent = metricNumber(metrics, 'chatMessagesSent');
      const passed = sent > 0 && per <= limit;
      return {
        passed,
        detail: `chat over ${used(metrics, 'chat')}: ${fmt(sent)} messages sent with ${fmt(per)} bytes of headers or framing each ${passed ? '≤' : '>'} ${limit} B.`,
      };
    },
  },
  fresh('notifications', 'Notifications'),
  {
    id: 'notifications-idle',
    title: 'The notification server holds at most 0.25 connections per user on average',
    check: ({ metrics }, p) => {
      const per = metricNumber(metrics, 'notificationsConnectionsPerUser');
      const limit = NEEDS.notifications.maxConnectionsPerUser!;
      const passed = per <= limit;
      return {
        passed,
        detail: `notifications over ${used(metrics, 'notifications')}: ${fmt(per)} connections held per user on average ${passed ? '≤' : '>'} ${limit} (≈ ${fmt(per * p.connectionMemoryKiB)} KiB of server memory per user at ${p.connectionMemoryKiB} KiB per connection) for ${fmt(metricNumber(metrics, 'notificationsUpdatesDelivered'))} notifications.`,
      };
    },
  },
];
