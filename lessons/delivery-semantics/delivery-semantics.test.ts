import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { gradePrediction, runLesson } from '../../src/lesson/run';
import { read } from './goals';
import lesson from './index';
import { deliveryParams, type DeliveryParams } from './params';
import { defaultParams } from '../../src/lesson/params';
import { afterWindowMs, beforeWindowMs } from './theory';

function run(params: Partial<DeliveryParams>, code = lesson.code.solution, faults: Fault[] = [], seed = 3) {
  const r = runLesson(
    lesson,
    { lessonId: lesson.id, params: params as Record<string, number | string>, code, seed, faults },
    { trace: false },
  );
  expect(r.diagnostics).toEqual([]);
  return { r, m: read(r), goal: (id: string) => r.goals.find((g) => g.id === id)! };
}

const SHORT: Partial<DeliveryParams> = { durationMs: 40_000 };
const NO_CRASH: Partial<DeliveryParams> = { ...SHORT, crashEveryMs: 120_000 };

describe('delivery-semantics lesson', () => {
  test('with no crash the naive handler counts exactly, whichever way the offset is committed', () => {
    for (const commit of ['after', 'before'] as const) {
      const { m } = run({ ...NO_CRASH, commit }, lesson.code.starter);
      expect(m.count('consumerCrashes')).toBe(0);
      expect(m.count('effectsApplied')).toBe(m.count('expectedEffects'));
      expect(m.count('duplicateDeliveries') + m.count('lostEffects') + m.count('pendingAtEnd')).toBe(0);
    }
  });

  test('committing after processing, crashes duplicate effects and lose none', () => {
    const { m } = run({ ...SHORT, commit: 'after' }, lesson.code.starter);
    expect(m.count('consumerCrashes')).toBe(5);
    expect(m.count('lostEffects')).toBe(0);
    expect(m.count('duplicateEffects')).toBeGreaterThan(0);
    expect(m.count('duplicateEffects')).toBe(m.count('duplicateDeliveries'));
    expect(m.count('effectsApplied')).toBe(m.count('expectedEffects') + m.count('duplicateEffects'));
  });

  test('committing before processing, crashes lose effects and duplicate none, even with idempotency keys', () => {
    const { m, goal } = run({ ...SHORT, commit: 'before' });
    expect(m.count('duplicateDeliveries')).toBe(0);
    expect(m.count('lostEffects')).toBeGreaterThan(0);
    expect(m.count('effectsApplied')).toBe(m.count('expectedEffects') - m.count('lostEffects'));
    expect(goal('exact-count').passed).toBe(false);
    expect(goal('no-lost-effect').passed).toBe(false);
  });

  test('the idempotency key in the same transaction makes the count exact although records come back', () => {
    const { m, goal } = run({ ...SHORT, commit: 'after' });
    expect(m.count('duplicateDeliveries')).toBeGreaterThan(0);
    expect(m.count('duplicateEffects')).toBe(0);
    expect(m.count('effectsApplied')).toBe(m.count('expectedEffects'));
    expect(goal('exact-count').passed).toBe(true);
  });

  test('checking for a key that is never written does not help', () => {
    const checkOnly = `import type { Message, Transaction } from './api';
export function handle(message: Message, db: Transaction): void {
  if (db.get('processed:' + message.id) !== undefined) return;
  db.put('count', (db.get('count') ?? 0) + 1);
}`;
    const { m } = run({ ...SHORT }, checkOnly);
    expect(m.count('duplicateEffects')).toBeGreaterThan(0);
  });

  test('the database crashing mid-transaction rolls the effect back; the consumer starts over from the committed offset', () => {
    const faults: Fault[] = [{ at: 12_300, kind: 'crash', actor: 'database' }];
    const { m, goal } = run({ ...NO_CRASH }, lesson.code.solution, faults);
    expect(m.count('rewinds')).toBe(1);
    expect(m.count('txRolledBack')).toBeGreaterThanOrEqual(1);
    expect(goal('exact-count').passed).toBe(true);
    // At this moment (seed 3) the consumer is near the end of a batch: the records it
    // already applied come back with the batch, and the naive handler counts them again.
    const naive = run({ ...NO_CRASH }, lesson.code.starter, faults).m;
    expect(naive.count('duplicateEffects')).toBeGreaterThan(0);
  });

  test("per crash, the records in the window match Little's law (λ × mean time in the window) over many crashes", () => {
    const p = { durationMs: 300_000, crashEveryMs: 5000 };
    const lambda = 50 / 1000;
    for (const [commit, window] of [
      ['after', afterWindowMs],
      ['before', beforeWindowMs],
    ] as const) {
      let crashes = 0;
      let counted = 0;
      for (const seed of [11, 12, 13]) {
        const { m } = run({ ...p, commit }, lesson.code.solution, [], seed);
        crashes += m.count('consumerCrashes');
        counted += commit === 'after' ? m.count('duplicateDeliveries') : m.count('lostEffects');
      }
      const predicted = lambda * window({ ...defaultParams(deliveryParams), ...p, commit });
      // 171 crashes: the mean per crash has a standard deviation near 0.5.
      expect(
        Math.abs(counted / crashes - predicted),
        `${commit}: ${counted}/${crashes} vs ${predicted}`,
      ).toBeLessThan(1.5);
    }
  }, 120_000);

  test('the predictions come out as the lesson says', () => {
    const s = { lessonId: lesson.id, params: {}, code: lesson.code.starter, seed: 7, faults: [] };
    expect(gradePrediction(lesson, 'crash-commit-after', s).answer).toBe('redelivered');
    expect(gradePrediction(lesson, 'crash-commit-before', s).answer).toBe('lost');
    expect(gradePrediction(lesson, 'bigger-batches', s).answer).toBe('fourfold');
  }, 60_000);
});
