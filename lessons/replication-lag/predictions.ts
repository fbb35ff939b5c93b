import { fmt } from '../../src/lesson/metric-access';
import { predictionsFor } from '../../src/lesson/types';
import { read } from './goals';
import type { ReplicationLagParams } from './params';

const prediction = predictionsFor<ReplicationLagParams>();

export const replicationLagPredictions = [
  prediction({
    id: 'slow-replay',
    question:
      'The last follower replays each entry 2.5× slower than the others (it is 75% busy, they are 30% busy). Leaving out the 50 ms network hop, how much longer does an entry wait there before it is visible?',
    choices: [
      { id: 'same-factor', label: 'About 2.5× longer: it is 2.5× slower' },
      { id: 'much-more', label: 'About 7× longer' },
    ],
    runs: { run: { leaderCrashAtMs: 0 } },
    grade: (o) => {
      const m = read(o.run);
      const fast = m.summary('replicationLagMs', 'fast').mean;
      const slow = m.summary('replicationLagMs', 'slow').mean;
      const net = 50;
      const ratio = (slow - net) / Math.max(0.001, fast - net);
      return {
        answer: ratio > 4.5 ? 'much-more' : 'same-factor',
        explanation: `Mean lag ${fmt(fast)} ms on a normal follower and ${fmt(slow)} ms on the slow one: ${fmt(ratio)}× more time in the replay queue. In an M/M/1 queue the time is 1/(μ − λ), so a server near saturation waits far longer than its slowdown alone.`,
      };
    },
  }),
  prediction({
    id: 'async-loss',
    question:
      'Asynchronous replication, 60 writes/s, 50 ms to the followers. The leader dies and the most up-to-date follower is promoted. How many writes that users were told were saved are gone?',
    choices: [
      { id: 'none', label: 'None: the followers had them' },
      { id: 'few', label: 'A handful: those still on the wire' },
      { id: 'many', label: 'Hundreds: everything the followers had not replayed' },
    ],
    runs: { crash: { mode: 'async', leaderCrashAtMs: 20_000 } },
    grade: (o) => {
      const m = read(o.crash);
      const lost = m.count('acknowledgedWritesLost');
      return {
        answer: lost === 0 ? 'none' : lost <= 30 ? 'few' : 'many',
        explanation: `${fmt(lost)} acknowledged writes were lost: the ones acknowledged in the last ~49 ms (60/s × 0.049 s ≈ 3 expected) that no follower had received. Received but not yet replayed entries are not lost: the promoted follower replays them before it takes writes (it took ${fmt(m.count('writeOutageMs'))} ms in all).`,
      };
    },
  }),
  prediction({
    id: 'sync-cost',
    question:
      'Instead of waiting for one follower to receive each write (semi-sync), the leader waits for every follower to apply it (sync, remote_apply). What happens to the p99 write latency?',
    choices: [
      { id: 'similar', label: 'About the same: the network round trip dominates' },
      { id: 'much-higher', label: 'More than double: the slow follower’s replay queue dominates' },
    ],
    runs: {
      semi: { mode: 'semi-sync', leaderCrashAtMs: 0 },
      sync: { mode: 'sync', leaderCrashAtMs: 0 },
    },
    grade: (o) => {
      const a = read(o.semi).summary('writeLatencyMs').p99;
      const b = read(o.sync).summary('writeLatencyMs').p99;
      return {
        answer: b > 2 * a ? 'much-higher' : 'similar',
        explanation: `p99 write latency ${fmt(a)} ms semi-sync, ${fmt(b)} ms sync: every commit now waits for the slowest follower's replay, and its tail.`,
      };
    },
  }),
];
