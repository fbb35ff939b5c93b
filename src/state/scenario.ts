import type { Scenario } from '../lesson/types';
import type { Store } from './store';

/** The scenario the store describes right now (code omitted when it is the starter). */
export function scenarioOf(
  s: Pick<Store, 'lesson' | 'lessonId' | 'params' | 'code' | 'seed' | 'faults'>,
): Scenario | null {
  if (!s.lesson || !s.lessonId) return null;
  const scenario: Scenario = {
    lessonId: s.lessonId,
    params: { ...s.params },
    seed: s.seed,
    faults: s.faults,
  };
  if (s.code !== s.lesson.code.starter) scenario.code = s.code;
  return scenario;
}
