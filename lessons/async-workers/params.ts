import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const asyncWorkersParams = {
  mode: choiceParam({
    label: 'Architecture',
    default: 'async',
    choices: [
      { value: 'sync', label: 'Synchronous: every step inside the request' },
      { value: 'async', label: 'Queue + workers: your code decides what is deferred' },
    ],
    help: 'sync: the API does every step before it answers (your code is not asked). async: steps your code sends to the workers go on a queue.',
  }),
  requestsPerSecond: numberParam({
    label: 'Blog posts',
    default: 40,
    min: 1,
    max: 200,
    unit: 'requests/s',
    scale: 'log',
    help: 'Mean rate of POST /posts from authors; they arrive at random (Poisson) times.',
  }),
  workers: numberParam({
    label: 'Workers',
    default: 6,
    min: 1,
    max: 50,
    step: 1,
    integer: true,
    unit: 'workers',
    help: 'Identical workers pulling from the queue; each does one message at a time, step by step.',
  }),
  burstDevices: numberParam({
    label: 'Burst: devices',
    default: 2000,
    min: 0,
    max: 20000,
    step: 100,
    unit: 'devices',
    scale: 'linear',
    help: 'IoT devices that wake up together and each POST one reading within about a second; 0 = no burst.',
  }),
  burstAtMs: numberParam({
    label: 'Burst at',
    default: 30000,
    min: 1000,
    max: 120000,
    step: 1000,
    unit: 'ms',
    help: 'When the devices report.',
  }),
  durationMs: numberParam({
    label: 'Duration',
    default: 60000,
    min: 10000,
    max: 120000,
    step: 1000,
    unit: 'ms',
    help: 'Virtual time simulated.',
  }),
};

export type AsyncWorkersParams = ParamsOf<typeof asyncWorkersParams>;
