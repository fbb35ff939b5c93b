import { readFileSync } from 'node:fs';
import { lessonEntry } from '../../lessons/manifest';
import { lessonIds, loadLesson } from '../../lessons/registry';
import { parseParam, resolveParams, type ParamValue } from '../lesson/params';
import { runLesson } from '../lesson/run';
import { compileLearnerCode } from '../sandbox/compile';
import { parseArgs, UsageError } from './args';
import { toJson, toTable } from './format';

/** Exit code 2 and one line on stderr: what was wrong and what would be right. */
function fail(message: string): number {
  process.stderr.write(`sim: ${message}\n`);
  return 2;
}

/** `npm run sim -- <lesson-id> ...`: runs one lesson scenario headlessly. */
export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(e.message);
    throw e;
  }
  const lesson = await loadLesson(args.lessonId);
  if (!lesson) return fail(`unknown lesson "${args.lessonId}"; lessons: ${lessonIds.join(', ')}`);

  const overrides: Record<string, ParamValue> = {};
  for (const [name, text] of args.sets) {
    const spec = lesson.params[name];
    if (!spec)
      return fail(
        `unknown param "${name}" for ${lesson.id}; params: ${Object.keys(lesson.params).join(', ')}`,
      );
    overrides[name] = parseParam(spec, text);
  }
  if (args.durationMs !== undefined) overrides.durationMs = args.durationMs;
  const resolved = resolveParams(lesson.params, overrides);
  if (!resolved.ok) return fail(resolved.errors.join('; '));

  let code: string | undefined;
  if (args.codeFile) {
    try {
      code = readFileSync(args.codeFile, 'utf8');
    } catch {
      return fail(`cannot read code file "${args.codeFile}"`);
    }
    const compiled = compileLearnerCode(code);
    if (!compiled.ok) {
      const d = compiled.diagnostic;
      return fail(`${args.codeFile}:${d.line ?? '?'}:${d.column ?? '?'}: syntax error: ${d.message}`);
    }
  }

  const result = runLesson(
    lesson,
    { lessonId: lesson.id, params: overrides, code, seed: args.seed, faults: [] },
    { trace: false },
  );
  const problem = result.diagnostics[0];
  if (problem && (problem.kind === 'api' || problem.kind === 'syntax') && result.endedAtMs === 0) {
    return fail(`${args.codeFile ?? 'code'}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  process.stdout.write(
    (args.json ? toJson(result) : toTable(result, lessonEntry(lesson.id)?.title ?? lesson.id)) + '\n',
  );
  return result.diagnostics.length ? 1 : 0;
}
