import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { lessonEntry } from '../../lessons/manifest';
import { lessonIds, loadLesson } from '../../lessons/registry';
import { parseParam, resolveParams, type ParamValue } from '../lesson/params';
import { compileLearnerCode } from '../sandbox/compile';
import { isWorkerSignal } from '../worker/heartbeat';
import { parseArgs, UsageError } from './args';
import { toJson, toSeedsJson, toSeedsTable, toTable } from './format';
import type { RunJob, RunnerMessage, RunSummary } from './runner';

/** How long one learner function may run without returning (as in the page). */
export const LEARNER_LIMIT_MS = 2000;
/** How long the runner may be silent outside learner code (it beats every ~100 ms). */
const ENGINE_SILENCE_MS = 30_000;
/** Loading the lesson in the runner thread is not the learner's time. */
const LOAD_TIMEOUT_MS = 120_000;

/** Exit code 2 and one line on stderr: what was wrong and what would be right. */
function fail(message: string, code = 2): number {
  process.stderr.write(`sim: ${message}\n`);
  return code;
}

type Outcome = { ok: true; results: RunSummary[] } | { ok: false; message: string };

/** Runs the job in a worker thread under a watchdog fed by its heartbeats. */
function runInThread(job: RunJob): Promise<Outcome> {
  const worker = new Worker(resolve(process.cwd(), 'scripts/sim-runner.mjs'), { workerData: job });
  const results: RunSummary[] = [];
  const started = performance.now();
  let ready = false;
  let lastBeat = started;
  let inside: string | undefined;
  return new Promise<Outcome>((done) => {
    let finished = false;
    const finish = (o: Outcome) => {
      if (finished) return;
      finished = true;
      clearInterval(timer);
      void worker.terminate();
      done(o);
    };
    const timer = setInterval(() => {
      const now = performance.now();
      if (!ready) {
        if (now - started > LOAD_TIMEOUT_MS)
          finish({ ok: false, message: 'the runner thread did not start' });
        return;
      }
      const limit = inside === undefined ? ENGINE_SILENCE_MS : LEARNER_LIMIT_MS;
      if (now - lastBeat > limit) {
        const what =
          inside === undefined
            ? 'the simulation'
            : inside === 'module body'
              ? 'the top level of your code'
              : `${inside}()`;
        finish({
          ok: false,
          message: `${what} ran for more than ${limit / 1000} s without returning (limit ${limit / 1000} s; an infinite loop?); stopped`,
        });
      }
    }, 100);
    worker.on('message', (m: unknown) => {
      if (isWorkerSignal(m)) {
        lastBeat = performance.now();
        if (m.simSignal === 'ready') ready = true;
        else inside = m.inside;
        return;
      }
      const msg = m as RunnerMessage;
      if ('simResult' in msg) {
        results.push(msg.simResult);
        lastBeat = performance.now();
        inside = undefined;
      } else if ('simDone' in msg) finish({ ok: true, results });
    });
    worker.on('error', (e) => finish({ ok: false, message: `runner thread failed: ${e.message}` }));
    worker.on('exit', () => finish({ ok: false, message: 'runner thread exited early' }));
  });
}

/** `npm run sim -- <lesson-id> ...`: runs one lesson scenario (or one per seed) headlessly. */
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
  const where = args.codeFile ?? 'code';
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
  const outcome = await runInThread({ lessonId: lesson.id, overrides, code, seeds: args.seeds });
  if (!outcome.ok) return fail(`${where}: ${outcome.message}`, 3);
  const { results } = outcome;
  for (const r of results) {
    const problem = r.diagnostics[0];
    if (problem?.kind === 'budget') return fail(problem.message);
    if (problem && (problem.kind === 'api' || problem.kind === 'syntax') && r.endedAtMs === 0)
      return fail(`${where}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  const title = lessonEntry(lesson.id)?.title ?? lesson.id;
  if (args.multi)
    process.stdout.write((args.json ? toSeedsJson(results) : toSeedsTable(results, title)) + '\n');
  else {
    const r = results[0]!;
    process.stdout.write((args.json ? toJson(r) : toTable(r, title)) + '\n');
  }
  return results.some((r) => r.diagnostics.length) ? 1 : 0;
}
