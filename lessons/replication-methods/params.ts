import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const replicationMethodsParams = {
  method: choiceParam({
    label: 'Replication method',
    default: 'statement',
    choices: [
      { value: 'statement', label: 'Statements (MySQL STATEMENT / MIXED)' },
      { value: 'wal', label: 'Write-ahead log (PostgreSQL physical)' },
      { value: 'row', label: 'Row changes (MySQL ROW, logical)' },
    ],
    help: 'What the leader ships: the SQL text to run again (your shipAsStatement may send a statement as rows instead), its storage-level log records, or the changed rows.',
  }),
  writesPerSecond: numberParam({
    label: 'Write rate',
    default: 40,
    min: 1,
    max: 400,
    unit: 'statements/s',
    scale: 'log',
    help: 'Write statements arriving at random (Poisson) times from many sessions; each takes 10 ms on average, so they overlap.',
  }),
  nondeterministicShare: numberParam({
    label: 'Non-deterministic share',
    default: 0.3,
    min: 0,
    max: 1,
    step: 0.05,
    unit: 'of statements',
    help: 'Share of statements that use NOW(), SYSDATE(), UUID(), RAND() or an AUTO_INCREMENT column (evenly); the rest are plain UPDATEs.',
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

export type ReplicationMethodsParams = ParamsOf<typeof replicationMethodsParams>;
