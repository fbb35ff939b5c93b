import { expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from './run';

test('smoke', async () => {
  const l = (await loadLesson('polling'))!;
  for (const strategy of ['short', 'long']) {
    const t0 = performance.now();
    const r = runLesson(l, { lessonId: 'polling', params: { strategy }, seed: 7, faults: [], code: l.code.solution });
    console.log(strategy, performance.now() - t0, JSON.stringify(r.metrics), r.diagnostics, r.goals.map(g => g.detail), r.trace.length);
  }
  expect(1).toBe(1);
});
