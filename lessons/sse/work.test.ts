import { describe, expect, test } from 'vitest';
import { resolveParams } from '../../src/lesson/params';
import { runLesson } from '../../src/lesson/run';
import lesson from './index';
import type { SseParams } from './params';
import { sseWorkEstimate } from './work';

/** Work a whole run did (budget units, before workCost) and what the closed form said. */
function measured(code: string, overrides: Record<string, string | number>) {
  const r = runLesson(
    lesson,
    { lessonId: 'sse', params: overrides, code, seed: 2, faults: [] },
    { trace: false, workBudget: Infinity },
  );
  const resolved = resolveParams(lesson.params, overrides);
  if (!resolved.ok) throw new Error(resolved.errors.join('; '));
  return { work: (r.work ?? 0) / lesson.workCost!, estimate: sseWorkEstimate(resolved.params as SseParams) };
}

describe('the work estimate the budget checks runs against', () => {
  test.each([
    [
      'starter',
      'HTTP/1.1, more tabs than connections',
      { clients: 50, tabs: 10, eventsPerSecond: 20, durationMs: 120_000 },
    ],
    [
      'solution',
      'HTTP/1.1 with replays',
      { clients: 50, tabs: 10, eventsPerSecond: 20, durationMs: 120_000 },
    ],
    [
      'solution',
      'HTTP/2',
      { httpVersion: '2', clients: 20, tabs: 20, eventsPerSecond: 20, durationMs: 120_000 },
    ],
    [
      'solution',
      'no drops',
      { clients: 20, tabs: 4, eventsPerSecond: 50, dropEveryMs: 0, durationMs: 120_000 },
    ],
  ] as const)(
    '%s, %s: at least the work done, at most twice it',
    (code, _what, overrides) => {
      const { work, estimate } = measured(lesson.code[code], overrides);
      expect(work).toBeGreaterThan(100_000);
      expect(estimate).toBeGreaterThanOrEqual(work);
      expect(estimate).toBeLessThan(2 * work);
    },
    60_000,
  );
});
