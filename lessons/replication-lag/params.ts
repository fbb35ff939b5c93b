import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const replicationLagParams = {
  followers: numberParam({
    label: 'Followers',
    default: 3,
    min: 1,
    max: 8,
    step: 1,
    integer: true,
    unit: 'followers',
    help: 'Read replicas streaming the leader’s log; the last one is the slow follower.',
  }),
  mode: choiceParam({
    label: 'Replication mode',
    default: 'async',
    choices: [
      { value: 'async', label: 'Asynchronous' },
      { value: 'semi-sync', label: 'Semi-synchronous' },
      { value: 'sync', label: 'Synchronous (remote apply, all)' },
    ],
    help: 'When the leader acknowledges a write: after its own flush (async); once one follower has it on disk (MySQL semi-sync, 10 s timeout); once every follower has applied it (PostgreSQL remote_apply). Your commitMode may override it per write, as PostgreSQL’s SET LOCAL synchronous_commit does.',
  }),
  writesPerSecond: numberParam({
    label: 'Write rate',
    default: 60,
    min: 1,
    max: 400,
    unit: 'writes/s',
    scale: 'log',
    help: 'Profile updates, at random (Poisson) times, each by a random user; the user reloads the profile as soon as the write is acknowledged.',
  }),
  readsPerSecond: numberParam({
    label: 'Read rate',
    default: 200,
    min: 1,
    max: 1000,
    unit: 'reads/s',
    scale: 'log',
    help: 'Profile views besides the reloads, at random times: a random user views a random profile (their own one time in four).',
  }),
  burstWritesPerSecond: numberParam({
    label: 'Write burst',
    default: 0,
    min: 0,
    max: 1000,
    unit: 'writes/s',
    help: 'Extra writes on top of the write rate for 2 s from 8 s in (a batch job, a sale opening); 0 = none. A follower that replays slower than the burst arrives falls behind, then drains.',
  }),
  latencyMs: numberParam({
    label: 'Replication latency',
    default: 50,
    min: 1,
    max: 200,
    unit: 'ms',
    scale: 'log',
    help: 'One-way network latency between database servers (followers in other zones or regions); the application is 1 ms from every server.',
  }),
  applyMs: numberParam({
    label: 'Apply time',
    default: 5,
    min: 0.5,
    max: 50,
    step: 0.5,
    unit: 'ms/entry',
    scale: 'log',
    help: 'Mean time a follower takes to replay one log entry (exponential); followers replay one entry at a time, in log order.',
  }),
  slowFollowerFactor: numberParam({
    label: 'Slow follower',
    default: 2.5,
    min: 1,
    max: 20,
    step: 0.5,
    unit: '× apply time',
    help: 'The last follower replays this many times slower (a smaller machine, or long queries holding up replay); 1 = all alike.',
  }),
  leaderCrashAtMs: numberParam({
    label: 'Leader crash at',
    default: 20_000,
    min: 0,
    max: 120_000,
    step: 500,
    unit: 'ms',
    help: 'When the leader dies; 3 s later the most up-to-date follower is promoted (0 = never).',
  }),
  isolateBeforeCrashMs: numberParam({
    label: 'Leader cut off before its crash',
    default: 2000,
    min: 0,
    max: 30_000,
    step: 100,
    unit: 'ms',
    help: 'For this long before the crash the leader can still reach the application but not its followers (a network partition, as in GitHub’s 2018 outage); 0 = it just dies.',
  }),
  durationMs: numberParam({
    label: 'Duration',
    default: 30_000,
    min: 5000,
    max: 120_000,
    step: 1000,
    unit: 'ms',
    scale: 'log',
    help: 'Virtual time simulated.',
  }),
};

export type ReplicationLagParams = ParamsOf<typeof replicationLagParams>;
export type ReplicationMode = ReplicationLagParams['mode'];

/** Whether the leader crashes within the run. */
export const leaderCrashes = (p: ReplicationLagParams) =>
  p.leaderCrashAtMs > 0 && p.leaderCrashAtMs < p.durationMs;

/** Until when the leader is healthy: its cut-off before the crash, or the end of the run. */
export const steadyUntil = (p: ReplicationLagParams) =>
  leaderCrashes(p) ? Math.max(0, p.leaderCrashAtMs - p.isolateBeforeCrashMs) : p.durationMs;
