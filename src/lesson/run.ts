import { FaultError, Simulation } from '../engine/sim';
import { TraceRecorder } from '../engine/trace';
import { BudgetExceeded, budgetMessage, OBSERVATIONS_PER_EVENT, WORK_BUDGET, WorkProjector } from './budget';
import { checkedSuggestions } from './suggest';
import { LearnerError, type Diagnostic } from '../sandbox/diagnostic';
import { loadLearnerCode } from './learner';
import { describeMachine } from './machine-graph';
import { resolveParams, type ParamValue } from './params';
import { judgeTheory } from './theory';
import type {
  AnyLessonRuntime as AnyLesson,
  GoalResult,
  Metrics,
  RunOutcome,
  RunResult,
  Scenario,
} from './types';

export interface RunOptions {
  /** Record the trace (the UI needs it; the CLI and tests can skip it for speed). */
  trace?: boolean;
  /** Called between slices of the run with the fraction of virtual time done. */
  onProgress?: (fraction: number) => void;
  /**
   * Asks for an early, partial result once virtual time passes `atMs`: the trace so far,
   * with no metrics or goals. The page draws it while the rest of the run finishes, so
   * pressing Run shows the new run's first moments at once.
   */
  preview?: { atMs: number; send(partial: RunResult): void };
  /** Work (events) a run may do before it is refused; WORK_BUDGET unless a benchmark lifts it. */
  workBudget?: number;
  /** Trace events kept before the run turns aggregate; TRACE_LIMIT unless a test lowers it. */
  traceLimit?: number;
  /**
   * Stops the run once the budget has accepted it after its pilot (a `partial` result with
   * no metrics): how a test checks that a run is accepted without running it whole.
   */
  untilAccepted?: boolean;
  /** Called once with the projected work: at the pilot's verdict, or the work done if the run ended first. */
  onVerdict?: (projected: number) => void;
  /** Check each knob value a refusal suggests with a pilot of its own (default true). */
  checkSuggestions?: boolean;
}

function failedGoals(lesson: AnyLesson, why: string): GoalResult[] {
  return lesson.goals.map((g) => ({ id: g.id, title: g.title, passed: false, detail: why }));
}

/**
 * Events the trace of one run records at most (29 bytes each: about 120 MB, twice that
 * while it is handed over). A run whose trace would be longer runs in aggregate mode: the
 * trace keeps its first TRACE_LIMIT events (what the page animates) and the run goes on
 * for metrics and goals only. The count is the same with the trace on or off, so the CLI
 * and the page agree on the mode.
 */
export const TRACE_LIMIT = 4_000_000;

/** Ends a run started with `untilAccepted` once the budget has accepted it. */
class AcceptedAfterPilot extends Error {}

function diagnosticOf(err: unknown): Diagnostic {
  if (err instanceof LearnerError) return err.diagnostic;
  if (err instanceof BudgetExceeded) return { kind: 'budget', message: err.message };
  if (err instanceof FaultError) return { kind: 'api', message: err.message };
  const e = err as Error;
  return { kind: 'internal', message: `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}` };
}

/** Runs one scenario of a lesson from start to end: deterministic for a given scenario. */
export function runLesson(lesson: AnyLesson, scenario: Scenario, opts: RunOptions = {}): RunResult {
  const resolved = resolveParams(lesson.params, scenario.params);
  if (!resolved.ok) throw new Error(resolved.errors.join('; '));
  const params = resolved.params as Record<string, ParamValue>;
  const durationMs = Number(params.durationMs);
  const sim = new Simulation({
    seed: scenario.seed,
    trace: opts.trace ?? true,
    traceLimit: opts.traceLimit ?? TRACE_LIMIT,
  });
  const machines = Object.fromEntries(
    Object.entries(lesson.machines).map(([k, m]) => [k, describeMachine(m)]),
  );
  const base = {
    lessonId: lesson.id,
    seed: scenario.seed,
    params,
    durationMs,
    actors: [] as RunResult['actors'],
    machines,
    samples: {},
    theory: [],
  };

  const learnerRng = sim.rng.fork('learner');
  const learner = loadLearnerCode(lesson, scenario.code ?? lesson.code.starter, () => learnerRng.next());
  if (!learner.ok) {
    const why = `not run: ${learner.diagnostic.message}`;
    return {
      ...base,
      ok: false,
      metrics: {},
      goals: failedGoals(lesson, why),
      diagnostics: [learner.diagnostic],
      trace: sim.trace.toData(),
      endedAtMs: 0,
    };
  }

  const diagnostics: Diagnostic[] = [];
  let previewDue = opts.preview;
  // The pilot: the run's first part tells how much work the whole would be; a run
  // projected over the budget stops there and is refused, before it costs minutes.
  const workBudget = opts.workBudget ?? WORK_BUDGET;
  const cost = lesson.workCost ?? 1;
  const estimate = lesson.workEstimate
    ? (p: Record<string, ParamValue>) => lesson.workEstimate!(p) * cost
    : undefined;
  const projector = new WorkProjector(durationMs, workBudget, estimate?.(params) ?? 0);

  const workDone = () => (sim.scheduler.executed + sim.metrics.observations / OBSERVATIONS_PER_EVENT) * cost;
  let verdict = opts.onVerdict;
  const checkWork = () => {
    const done = workDone();
    const projected = projector.projected(done, sim.now);
    if (projected === undefined) return;
    verdict?.(projected);
    verdict = undefined;
    if (projected > workBudget) {
      const measured = projector.measured ?? Math.min(projected, done);
      const pilot = (p: Record<string, ParamValue>) => {
        let seen = Infinity;
        const heartbeat = () => opts.onProgress?.(durationMs > 0 ? sim.now / durationMs : 0);
        runLesson(
          lesson,
          { ...scenario, params: p },
          {
            trace: false,
            untilAccepted: true,
            checkSuggestions: false,
            onProgress: heartbeat,
            onVerdict: (x) => (seen = x),
          },
        );
        return seen;
      };
      const check = opts.checkSuggestions === false ? undefined : pilot;
      const options = checkedSuggestions(lesson.params, params, measured, lesson.workKnobs, estimate, check);
      sim.fail(new BudgetExceeded(budgetMessage(projected, options), projected));
    } else if (opts.untilAccepted) {
      sim.fail(new AcceptedAfterPilot());
    }
  };
  const onProgress = (fraction: number) => {
    checkWork();
    opts.onProgress?.(fraction);
    if (previewDue && sim.now >= previewDue.atMs && fraction < 1 && sim.failure === undefined) {
      const partial: RunResult = {
        ...base,
        ok: true,
        partial: true,
        metrics: {},
        goals: [],
        diagnostics: [],
        actors: sim.actors,
        trace: sim.trace.toData(),
        samples: sim.metrics.series(),
        snapshots: sim.snapshots.toData(),
        endedAtMs: sim.now,
      };
      previewDue.send(partial);
      previewDue = undefined;
    }
  };
  try {
    lesson.build(sim, params, learner.api);
    sim.scheduleFaults(scenario.faults);
    sim.run(durationMs, onProgress);
  } catch (err) {
    sim.fail(err);
  }
  verdict?.(workDone());
  if (sim.failure instanceof AcceptedAfterPilot) {
    const trace = emptyTrace();
    return {
      ...base,
      ok: true,
      partial: true,
      metrics: {},
      goals: [],
      diagnostics,
      trace,
      endedAtMs: sim.now,
    };
  }
  if (sim.failure !== undefined) diagnostics.push(diagnosticOf(sim.failure));
  if (sim.failure instanceof BudgetExceeded) {
    // Refused: what ran was only the pilot, so there are no metrics to show.
    const why = `not run: ${diagnostics[0]?.message}`;
    return {
      ...base,
      ok: false,
      metrics: {},
      goals: failedGoals(lesson, why),
      diagnostics,
      trace: emptyTrace(),
      endedAtMs: 0,
    };
  }

  let metrics: Metrics = sim.metrics.snapshot();
  if (lesson.derive) metrics = { ...metrics, ...lesson.derive(metrics, params) };
  const outcome: RunOutcome = { metrics, diagnostics };
  const goals: GoalResult[] = diagnostics.length
    ? failedGoals(lesson, `the run stopped at ${Math.round(sim.now)} ms: ${diagnostics[0]?.message}`)
    : lesson.goals.map((g) => ({ id: g.id, title: g.title, ...g.check(outcome, params) }));
  return {
    ...base,
    ok: diagnostics.length === 0,
    metrics,
    goals,
    theory: diagnostics.length ? [] : judgeTheory(lesson.theory, metrics, params),
    diagnostics,
    actors: sim.actors,
    trace: sim.trace.toData(),
    samples: sim.metrics.series(),
    snapshots: sim.snapshots.toData(),
    endedAtMs: sim.now,
    mode: sim.trace.truncatedAtMs !== undefined ? 'aggregate' : 'full',
    traceEvents: sim.trace.offered,
    work: Math.round(workDone()),
    ...(sim.trace.truncatedAtMs !== undefined ? { traceEndsAtMs: sim.trace.truncatedAtMs } : {}),
  };
}

function emptyTrace(): RunResult['trace'] {
  return new TraceRecorder(false).toData();
}
/** Grades a prediction by running its scenarios with the reference solution. */
export function gradePrediction(
  lesson: AnyLesson,
  predictionId: string,
  scenario: Scenario,
  /** Engine progress of each run (the worker's heartbeat). */
  onProgress?: (fraction: number) => void,
): { answer: string; explanation: string } {
  const p = lesson.predictions.find((x) => x.id === predictionId);
  if (!p) throw new Error(`lesson ${lesson.id} has no prediction ${predictionId}`);
  const outcomes: Record<string, RunOutcome> = {};
  for (const [name, overrides] of Object.entries(p.runs)) {
    const r = runLesson(
      lesson,
      {
        ...scenario,
        params: { ...scenario.params, ...(overrides as Record<string, ParamValue>) },
        code: lesson.code.solution,
        faults: [],
      },
      { trace: false, onProgress },
    );
    outcomes[name] = { metrics: r.metrics, diagnostics: r.diagnostics };
  }
  return p.grade(outcomes);
}
