import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { resolveParams, type ParamValue } from '../lesson/params';
import { hardenRealm } from '../sandbox/realm';

/**
 * `node scripts/run-ts.mjs src/bench/estimate-check.ts <lesson> [solution] [knob=value ...]`: one
 * run with the budget lifted, its work against the lesson's closed-form `workEstimate`.
 */
export async function main(args: string[]): Promise<number> {
  hardenRealm();
  const [id, ...rest] = args;
  const lesson = (await loadLesson(id!))!;
  const params: Record<string, ParamValue> = {};
  for (const a of rest.filter((x) => x.includes('='))) {
    const [k, v] = a.split('=') as [string, string];
    params[k] = lesson.params[k]?.kind === 'number' ? Number(v) : v;
  }
  const code = rest.includes('solution') ? lesson.code.solution : undefined;
  const r = runLesson(
    lesson,
    { lessonId: id!, params, seed: 1, faults: [], ...(code ? { code } : {}) },
    {
      trace: false,
      workBudget: Infinity,
    },
  );
  const resolved = resolveParams(lesson.params, params);
  const full = resolved.ok ? (resolved.params as Record<string, ParamValue>) : {};
  const work = (r.work ?? 0) / (lesson.workCost ?? 1);
  const estimate = lesson.workEstimate?.(full) ?? NaN;
  console.log(
    `${id} ${JSON.stringify(params)} ${code ? 'solution' : 'starter'}: work ${(work / 1e6).toFixed(3)} M, estimate ${(estimate / 1e6).toFixed(3)} M, ratio ${(estimate / work).toFixed(2)}, ${r.diagnostics[0]?.message ?? 'ok'}`,
  );
  return 0;
}
