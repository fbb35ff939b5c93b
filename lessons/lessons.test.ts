import { describe, expect, test } from 'vitest';
import { parseNarrative } from '../src/lesson/narrative';
import { defaultParams, type NumberParam, type ParamSpec } from '../src/lesson/params';
import { reportedKeys, type MetricTable } from '../src/kit/metrics/table';
import { judgeTheory } from '../src/lesson/theory';
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

/** Seeds and knob edges the theory claims are held to (a claim that does not apply there is skipped). */
const THEORY_SEEDS = [1, 2, 3];
/** Runs longer than this (virtual ms × actors) are left out of the edge sweep to keep the suite quick. */
const EDGE_DURATION_MS = 120_000;

describe.each(lessonIds)('theory of lesson %s', (id) => {
  test('every declared metric name is reported, and every reported one declared', async () => {
    const lesson = (await loadLesson(id))!;
    const r = runLesson(lesson, scenario(lesson, lesson.code.solution, lesson.solutionParams ?? {}), {
      trace: false,
    });
    const reported = new Set(Object.keys(r.metrics));
    const declared = new Set<string>();
    for (const [name, spec] of Object.entries(lesson.metrics as MetricTable))
      for (const k of reportedKeys(name, spec)) declared.add(k);
    expect(
      [...reported].filter((k) => !declared.has(k)),
      'reported but not declared',
    ).toEqual([]);
    expect(
      [...declared].filter((k) => !reported.has(k)),
      'declared but not reported',
    ).toEqual([]);
    for (const c of lesson.theory ?? []) expect(declared.has(c.metric), c.metric).toBe(true);
  });

  test("the reference solution agrees with every claim that applies, over seeds and at the knobs' edges", async () => {
    const lesson = (await loadLesson(id))!;
    if (!lesson.theory?.length) return;
    const base = { ...lesson.solutionParams } as Record<string, string | number>;
    const variants: Record<string, string | number>[] = [
      base,
      ...(lesson.compare ?? []).map((v) => ({ ...base, ...v.params }) as Record<string, string | number>),
    ];
    for (const [name, spec] of Object.entries(lesson.params as Record<string, ParamSpec>)) {
      if (spec.kind !== 'number' || name === 'durationMs') continue;
      for (const edge of [(spec as NumberParam).min, (spec as NumberParam).max])
        variants.push({ ...base, [name]: edge });
    }
    let judged = 0;
    for (const params of variants) {
      const seeds = params === base ? THEORY_SEEDS : [SEED];
      for (const seed of seeds) {
        const s = { ...scenario(lesson, lesson.code.solution, params), seed };
        const full = { ...defaultParams(lesson.params), ...params } as Record<string, number>;
        const applies = judgeTheory(lesson.theory, {}, full).length > 0;
        if (!applies || Number(full.durationMs) > EDGE_DURATION_MS * 30) continue;
        const r = runLesson(lesson, s, { trace: false });
        for (const row of r.theory) {
          judged++;
          expect(
            row.agrees,
            `${row.title} at ${JSON.stringify(params)} seed ${seed}: predicted ${row.predicted}, observed ${row.observed}`,
          ).toBe(true);
        }
      }
    }
    expect(judged).toBeGreaterThan(0);
  }, 120_000);
});
