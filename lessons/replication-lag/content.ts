import { defineContent } from '../../src/lesson/types';
import api from './api.ts?raw';
import { replicationLagGoals } from './goals';
import narrative from './lesson.md?raw';
import { REPLICA_LABELS, replicationLagMetrics, SHOWN_SESSIONS } from './metrics';
import { replicationLagParams } from './params';
import { replicationLagPredictions } from './predictions';
import solution from './solution.ts?raw';
import starter from './starter.ts?raw';
import { replicationLagTheory } from './theory';

/** What the page shows of the replication-lag lesson (no models: those load in the worker). */
export default defineContent({
  id: 'replication-lag',
  params: replicationLagParams,
  metrics: replicationLagMetrics,
  theory: replicationLagTheory,
  narrative,
  code: { starter, solution, api, exports: ['chooseReplica', 'commitMode'] },
  solutionParams: { mode: 'semi-sync' },
  starterFails: ['read-your-writes', 'monotonic-reads', 'no-acked-loss'],
  goals: replicationLagGoals,
  predictions: replicationLagPredictions,
  views: [
    {
      kind: 'topology',
      tones: { ok: 'fresh read', warn: 'stale read', bad: 'not your write / back in time' },
    },
    {
      kind: 'logs',
      title: 'Behind the leader’s log',
      unit: 'entries',
      rows: REPLICA_LABELS.map((l) => ({
        label: `db-${l.slice(2)}`,
        start: 'logStart' as const,
        end: 'leaderLogEnd' as const,
      })),
      cursors: [
        { label: 'received', at: REPLICA_LABELS.map((l) => `${l}LogEnd` as const) },
        { label: 'applied', at: REPLICA_LABELS.map((l) => `${l}Applied` as const) },
      ],
      rowCount: 'replicas',
      markers: SHOWN_SESSIONS.map((u) => ({ label: u, at: `${u}LastWrite` as const })),
      // About a second of writes at the default rate: a lag of a few entries is a visible gap.
      tail: 60,
    },
    { kind: 'sequence', maxActors: 6 },
    { kind: 'timeseries', gauge: 'lagMs', title: 'Lag of the furthest-behind follower', unit: 'ms' },
    { kind: 'timeseries', gauge: 'lagEntries', title: 'Entries it has yet to apply', unit: 'entries' },
    { kind: 'histogram', summary: 'writeLatencyMs', title: 'Write latency', unit: 'ms' },
    { kind: 'histogram', summary: 'replicationLagMs', title: 'Replication lag, every follower', unit: 'ms' },
    { kind: 'statechart', actorKind: 'replica' },
    { kind: 'statechart', actorKind: 'failover' },
  ],
  compare: [
    { label: 'Asynchronous', params: { mode: 'async' } },
    { label: 'Semi-synchronous', params: { mode: 'semi-sync' } },
    { label: 'Synchronous', params: { mode: 'sync' } },
  ],
});
