import { choiceParam, numberParam, type ParamsOf } from '../../src/lesson/params';

export const deliveryParams = {
  commit: choiceParam({
    label: 'Commit the offset',
    default: 'after',
    choices: [
      { value: 'after', label: 'After processing (at-least-once)' },
      { value: 'before', label: 'Before processing (at-most-once)' },
    ],
    help: 'When the consumer commits the offset of a batch it fetched: once every record of the batch has been processed, or as soon as the batch arrives.',
  }),
  crashEveryMs: numberParam({
    label: 'Consumer crash every',
    default: 5000,
    min: 2000,
    max: 120000,
    step: 500,
    unit: 'ms',
    scale: 'log',
    help: 'The consumer process dies at every multiple of this time (until 10 s before the end); its supervisor restarts it 1 s later.',
  }),
  messagesPerSecond: numberParam({
    label: 'Message rate',
    default: 50,
    min: 1,
    max: 200,
    unit: 'messages/s',
    scale: 'log',
    help: 'Mean rate the producer appends records to the topic partition; records arrive at random (Poisson) times.',
  }),
  batchSize: numberParam({
    label: 'Batch size',
    default: 20,
    min: 1,
    max: 100,
    step: 1,
    integer: true,
    unit: 'records',
    help: 'Records per fetch (Kafka max.poll.records, with fetch.min.bytes asking for a full batch and fetch.max.wait.ms = 500 ms).',
  }),
  processingMs: numberParam({
    label: 'Processing time',
    default: 10,
    min: 1,
    max: 100,
    step: 1,
    unit: 'ms',
    scale: 'log',
    help: 'Mean work per record, inside its database transaction (exponentially distributed); the commit adds a 2 ms round trip.',
  }),
  durationMs: numberParam({
    label: 'Duration',
    default: 120000,
    min: 20000,
    max: 300000,
    step: 1000,
    unit: 'ms',
    help: 'Virtual time simulated. The producer stops 10 s before the end, so the consumer can finish.',
  }),
};

export type DeliveryParams = ParamsOf<typeof deliveryParams>;
