import { describe, expect, test } from 'vitest';
import { parseNarrative } from '../src/lesson/narrative';
import { defaultParams, type ParamSpec } from '../src/lesson/params';
import { gradePrediction, runLesson } from '../src/lesson/run';
import type { AnyLesson, Scenario } from '../src/lesson/types';
import { lessonEntries } from './manifest';
import { lessonIds, loadLesson, unlistedLessonFolders } from './registry';

/** The generic test every lesson passes: it is what "a lesson works" means. */

const SEED = 7;

function scenario(lesson: AnyLesson, code: string, params: object = {}): Scenario {
  return { lessonId: lesson.id, params: params as Scenario['params'], code, seed: SEED, faults: [] };
}

test('every lesson folder is in the manifest and every manifest entry has a folder', () => {
  expect(unlistedLessonFolders).toEqual([]);
  expect(lessonIds).toEqual(lessonEntries.map((e) => e.id));
});

describe.each(lessonIds)('lesson %s', (id) => {
  test('is well formed: params, narrative steps and predictions', async () => {
    const lesson = (await loadLesson(id))!;
    expect(lesson.id).toBe(id);
    expect(Object.keys(lesson.params)).toContain('durationMs');
    for (const [name, spec] of Object.entries(lesson.params as Record<string, ParamSpec>)) {
      expect(spec.help.length, `${name} has help`).toBeGreaterThan(10);
      if (spec.kind === 'number') {
        expect(spec.unit.length, `${name} has a unit`).toBeGreaterThan(0);
        expect(spec.default).toBeGreaterThanOrEqual(spec.min);
        expect(spec.default).toBeLessThanOrEqual(spec.max);
      }
    }
    const steps = parseNarrative(lesson.narrative);
    expect(steps.length).toBeGreaterThanOrEqual(3);
    const placed = steps.flatMap((s) => s.predictions);
    expect(placed.length, 'at least one prediction').toBeGreaterThan(0);
    expect(new Set(placed)).toEqual(new Set(lesson.predictions.map((p) => p.id)));
  });

  test('the reference solution meets every goal', async () => {
    const lesson = (await loadLesson(id))!;
    const r = runLesson(lesson, scenario(lesson, lesson.code.solution, lesson.solutionParams ?? {}), {
      trace: false,
    });
    expect(r.diagnostics).toEqual([]);
    for (const g of r.goals) expect(g.passed, `${g.id}: ${g.detail}`).toBe(true);
  });

  test('the starter fails the goals it is meant to, with numbers in the verdict', async () => {
    const lesson = (await loadLesson(id))!;
    const r = runLesson(lesson, scenario(lesson, lesson.code.starter), { trace: false });
    expect(r.diagnostics).toEqual([]);
    const failed = r.goals.filter((g) => !g.passed).map((g) => g.id);
    expect(failed.sort()).toEqual([...lesson.starterFails].sort());
    for (const g of r.goals) expect(g.detail).toMatch(/\d/);
  });

  test('runs are deterministic: same scenario, same trace and metrics', async () => {
    const lesson = (await loadLesson(id))!;
    const s = scenario(lesson, lesson.code.starter);
    const a = runLesson(lesson, s);
    const b = runLesson(lesson, s);
    expect(a.metrics).toEqual(b.metrics);
    expect(a.trace.length).toBe(b.trace.length);
    expect(Buffer.from(a.trace.t.buffer).equals(Buffer.from(b.trace.t.buffer))).toBe(true);
    expect(Buffer.from(a.trace.a.buffer).equals(Buffer.from(b.trace.a.buffer))).toBe(true);
    expect(a.trace.strings).toEqual(b.trace.strings);
    const c = runLesson(lesson, { ...s, seed: SEED + 1 });
    expect(c.metrics).not.toEqual(a.metrics);
  });

  test('every prediction is graded to one of its choices', async () => {
    const lesson = (await loadLesson(id))!;
    for (const p of lesson.predictions) {
      const g = gradePrediction(lesson, p.id, scenario(lesson, lesson.code.starter));
      expect(p.choices.map((c) => c.id)).toContain(g.answer);
      expect(g.explanation).toMatch(/\d/);
    }
  });

  test('default params are valid and every compare variant runs', async () => {
    const lesson = (await loadLesson(id))!;
    expect(defaultParams(lesson.params)).toBeTruthy();
    for (const v of lesson.compare ?? []) {
      const r = runLesson(lesson, scenario(lesson, lesson.code.solution, v.params), { trace: false });
      expect(r.diagnostics, v.label).toEqual([]);
    }
  });
});
