import { metricReader } from '../../src/kit/metrics/reader';
import { fmt } from '../../src/lesson/metric-access';
import type { Goal, RunOutcome } from '../../src/lesson/types';
import { deliveryMetrics } from './metrics';
import type { DeliveryParams } from './params';

export const read = (run: RunOutcome) => metricReader(deliveryMetrics, run.metrics);

const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;

export const deliveryGoals: Goal<DeliveryParams>[] = [
  {
    id: 'exact-count',
    title: 'The final count is exact: every message counted once, through crashes and redeliveries',
    check: (run) => {
      const m = read(run);
      const count = m.count('effectsApplied');
      const expected = m.count('expectedEffects');
      const dup = m.count('duplicateEffects');
      const lost = m.count('lostEffects');
      const pending = m.count('pendingAtEnd');
      const crashes = m.count('consumerCrashes');
      const passed = expected > 0 && count === expected && dup === 0 && lost === 0 && pending === 0;
      return {
        passed,
        detail: passed
          ? `The count is ${fmt(count)} for ${fmt(expected)} messages, through ${plural(crashes, 'crash', 'crashes')} and ${plural(m.count('duplicateDeliveries'), 'redelivery', 'redeliveries')} of processed messages.`
          : `The count is ${fmt(count)} for ${fmt(expected)} messages: ${plural(dup, 'effect', 'effects')} applied twice, ${plural(lost, 'message', 'messages')} lost, ${fmt(pending)} not processed yet (${plural(crashes, 'crash', 'crashes')}).`,
      };
    },
  },
  {
    id: 'no-lost-effect',
    title: 'No message is skipped: every committed offset covers an applied effect',
    check: (run) => {
      const m = read(run);
      const lost = m.count('lostEffects');
      const pending = m.count('pendingAtEnd');
      const passed = lost === 0 && pending === 0;
      return {
        passed,
        detail: passed
          ? `0 of ${fmt(m.count('expectedEffects'))} messages lost, 0 left unprocessed at the end.`
          : `${plural(lost, 'message was', 'messages were')} committed past without their effect, and ${fmt(pending)} still unprocessed at the end.`,
      };
    },
  },
];
