import type { AnyStateMachine } from 'xstate';
import type { ActorInfo, Simulation } from '../engine/sim';
import type { Fault } from '../engine/faults';
import type { LatencySummary, MetricValue, SampleSeries } from '../engine/metrics';
import type { MachineGraph } from './machine-graph';
import type { TraceData } from '../engine/trace';
import type { SnapshotData } from '../engine/snapshots';
import type { Diagnostic } from '../sandbox/diagnostic';
import type { ParamSpecs, ParamsOf, ParamValue } from './params';
import type { ViewSpec } from './view-spec';
import type { MetricKey, MetricTable, SeriesOfKind } from '../kit/metrics/table';

export type Metrics = Record<string, MetricValue>;

/** What goals and predictions judge: the metrics of one run (and whether it failed). */
export interface RunOutcome {
  metrics: Metrics;
  diagnostics: Diagnostic[];
}

export interface GoalVerdict {
  passed: boolean;
  /** A sentence with the numbers behind the verdict, e.g. "p99 = 812 ms > 300 ms". */
  detail: string;
}

export interface Goal<P> {
  id: string;
  title: string;
  check(run: RunOutcome, params: P): GoalVerdict;
}

export interface GoalResult extends GoalVerdict {
  id: string;
  title: string;
}

/**
 * A question a narrative step asks before the learner runs anything. The run
 * grades it: each named scenario (overrides of the learner's params) is simulated
 * with the reference client code and `grade` says which choice the numbers support.
 */
export interface Prediction<P, K extends string = string> {
  id: string;
  question: string;
  choices: readonly { id: string; label: string }[];
  /** The scenarios simulated; `grade` receives one outcome per key, by the same keys. */
  runs: Record<K, Partial<P>>;
  grade(outcomes: Record<K, RunOutcome>): { answer: string; explanation: string };
}

/**
 * Declares predictions whose `runs` and `grade` share one key type (a misspelled run
 * is a type error): `const prediction = predictionsFor<Params>(); prediction({ ... })`.
 */
export function predictionsFor<P>(): <const K extends string>(p: Prediction<P, K>) => Prediction<P, K> {
  return (p) => p;
}

/**
 * What queueing theory, probability or the protocol predicts for one metric from the
 * params. The page shows it beside the simulated value; the generic lesson test holds
 * the reference solution to it over several seeds.
 */
export interface TheoryClaim<P, N extends string = string> {
  /** Metric name as reported (a declared name; `<gauge>Max` for a gauge's peak); for a latency summary, `field` picks the statistic compared. */
  metric: N;
  field?: keyof LatencySummary;
  /** Short label, e.g. "Mean delivery delay (short polling)". */
  title: string;
  /** The formula as the page shows it, e.g. "(T + RTT)/2 + L". */
  formula: string;
  /** One-line derivation with its assumptions. */
  why: string;
  unit: string;
  /**
   * The predicted value for these params, or undefined where the claim does not apply.
   * `run`: the run's metrics, for a claim that depends on what the learner's code chose
   * (e.g. the replication mode it actually used); absent when only asking whether it applies.
   */
  predict(params: P, run?: Metrics): number | undefined;
  /** How far the simulation may be from the prediction and still agree (either bound). */
  tolerance: { relative?: number; absolute?: number };
}

/** One theory claim judged against one run. */
export interface TheoryRow {
  metric: string;
  field?: keyof LatencySummary;
  title: string;
  formula: string;
  why: string;
  unit: string;
  predicted: number;
  observed: number;
  /** Within the claim's tolerance. */
  agrees: boolean;
}

export type { ViewSpec } from './view-spec';

export interface LessonCode {
  /** What the learner starts with and edits (TypeScript source). */
  starter: string;
  /** A reference answer that meets every goal (with `solutionParams`). */
  solution: string;
  /** The typed API learner code sees, as TypeScript source importable as './api'. */
  api: string;
  /** Functions the learner module must export. */
  exports: readonly string[];
  /** Functions it may export (the lesson has a default for each); absent ones are left out of the API. */
  optionalExports?: readonly string[];
}

/** What the page shows of a goal before any run: the checks run in the worker. */
export type GoalTitle = Pick<Goal<unknown>, 'id' | 'title'>;
/** What the page shows of a prediction: the question; the run that grades it happens in the worker. */
export type PredictionText = Pick<Prediction<unknown>, 'id' | 'question' | 'choices'>;

/**
 * A lesson's content: everything the page needs (narrative, params, code, goal titles,
 * prediction questions, views, theory), loaded on the main thread without xstate or
 * any model. `lessons/<id>/content.ts` exports it; `index.ts` adds the runtime.
 */
export interface LessonContent<S extends ParamSpecs = ParamSpecs, M extends MetricTable = MetricTable> {
  /** Folder name; title, topic and summary live in lessons/manifest.ts. */
  id: string;
  params: S;
  /** Markdown: one step per `## ` heading; `[[predict:id]]` places a prediction. */
  narrative: string;
  /** Every metric a run reports, declared once (src/kit/metrics/table.ts). */
  metrics: M;
  goals: readonly GoalTitle[];
  predictions: readonly PredictionText[];
  code: LessonCode;
  /** Params the reference solution is meant to run with (on top of the defaults). */
  solutionParams?: Partial<ParamsOf<S>>;
  /** Goals the starter code fails at the default params (checked by the generic lesson test). */
  starterFails: readonly string[];
  views: ViewSpec<SeriesOfKind<M, 'gauge'>, SeriesOfKind<M, 'summary'>>[];
  /** Two or more variants shown side by side in compare mode. */
  compare?: { label: string; params: Partial<ParamsOf<S>> }[];
  /** What theory predicts for the metrics (see TheoryClaim). */
  theory?: TheoryClaim<ParamsOf<S>, MetricKey<M>>[];
}

export function defineContent<const S extends ParamSpecs, const M extends MetricTable>(
  content: LessonContent<S, M>,
): LessonContent<S, M> {
  return content;
}

export interface Lesson<
  S extends ParamSpecs = ParamSpecs,
  Api = unknown,
  M extends MetricTable = MetricTable,
> {
  /** Folder name; title, topic and summary live in lessons/manifest.ts. */
  id: string;
  params: S;
  /** Markdown: one step per `## ` heading; `[[predict:id]]` places a prediction. */
  narrative: string;
  /** Every metric a run reports, declared once (src/kit/metrics/table.ts). */
  metrics: M;
  // Each prediction has its own run keys; the list holds them behind `any`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  predictions: Prediction<ParamsOf<S>, any>[];
  code: LessonCode;
  /** Params the reference solution is meant to run with (on top of the defaults). */
  solutionParams?: Partial<ParamsOf<S>>;
  /** Goals the starter code fails at the default params (checked by the generic lesson test). */
  starterFails: readonly string[];
  goals: Goal<ParamsOf<S>>[];
  views: ViewSpec<SeriesOfKind<M, 'gauge'>, SeriesOfKind<M, 'summary'>>[];
  /** Two or more variants shown side by side in compare mode. */
  compare?: { label: string; params: Partial<ParamsOf<S>> }[];
  /** xstate machines by actor kind, for the statechart view. */
  machines: Record<string, AnyStateMachine>;
  /** Creates the actors and workload of one run. */
  build(sim: Simulation, params: ParamsOf<S>, learner: Api): void;
  /** Metrics computed from the others at the end of a run (e.g. a ratio). */
  /** Returns the table's `derived` figures (the generic lesson test checks every key is declared). */
  derive?(metrics: Metrics, params: ParamsOf<S>): Metrics;
  /**
   * Knobs the run's work grows with, roughly in proportion (e.g. clients, message rate);
   * a run refused as too large names them, with the value that would fit. durationMs
   * always counts.
   */
  workKnobs?: readonly string[];
  /**
   * CPU cost of one engine event of this lesson relative to the budget's unit (default 1:
   * a polling event, about 2 µs): the work budget counts events times this, so a lesson
   * whose events carry more (a broadcast to thousands of streams, many actors) is
   * refused earlier. Measured with `npm run bench -- --largest` (see budget.ts).
   */
  workCost?: number;
  /**
   * A closed-form estimate of the whole run's work from its params (engine events plus
   * observations / OBSERVATIONS_PER_EVENT, before workCost), for a lesson whose work rate
   * grows after the pilot has measured it (streams that take a minute to open). The budget
   * takes the larger of it and the pilot's projection, and a refusal suggests knob values
   * this estimate has checked. Should not be below the work at the steady state.
   */
  workEstimate?(params: ParamsOf<S>): number;
  /** What theory predicts for the metrics (see TheoryClaim). */
  theory?: TheoryClaim<ParamsOf<S>, MetricKey<M>>[];
}

// Lessons differ in params and API; the registry holds them behind these types.
/** What the page holds: a lesson's content. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLesson = LessonContent<any, any>;
/** What the worker and the CLI run: content plus machines, wiring and checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyLessonRuntime = Lesson<any, any, any>;

type Grading<P> = Pick<Prediction<P>, 'runs' | 'grade'>;

/** A table by id, from a list of things that have one. */
export function byId<T extends { id: string }, V>(list: readonly T[], pick: (t: T) => V): Record<string, V> {
  return Object.fromEntries(list.map((x) => [x.id, pick(x)]));
}

/**
 * A lesson's runtime, assembled from its content: each goal title gets its check and
 * each prediction its runs and grade, by id (a missing or extra id throws at load).
 */
export function defineLesson<const S extends ParamSpecs, Api, const M extends MetricTable>(
  content: LessonContent<S, M>,
  runtime: Pick<
    Lesson<S, Api, M>,
    'machines' | 'build' | 'derive' | 'workKnobs' | 'workCost' | 'workEstimate'
  > & {
    checks: Record<string, Goal<ParamsOf<S>>['check']>;
    // Each prediction has its own run keys.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    grading: Record<string, Grading<ParamsOf<S>> | Prediction<ParamsOf<S>, any>>;
  },
): Lesson<S, Api, M> {
  const pick = <T>(table: Record<string, T>, ids: readonly string[], what: string) => {
    const extra = Object.keys(table).filter((k) => !ids.includes(k));
    const missing = ids.filter((k) => !(k in table));
    if (extra.length || missing.length)
      throw new Error(`lesson ${content.id}: ${what} ids differ (missing ${missing}; extra ${extra})`);
    return (id: string) => table[id] as T;
  };
  const check = pick(
    runtime.checks,
    content.goals.map((g) => g.id),
    'goal',
  );
  const grading = pick(
    runtime.grading,
    content.predictions.map((p) => p.id),
    'prediction',
  );
  return {
    ...content,
    goals: content.goals.map((g) => ({ id: g.id, title: g.title, check: check(g.id) })),
    predictions: content.predictions.map((p) => {
      const { runs, grade } = grading(p.id);
      return { id: p.id, question: p.question, choices: p.choices, runs, grade };
    }),
    machines: runtime.machines,
    build: runtime.build,
    ...(runtime.derive ? { derive: runtime.derive } : {}),
    ...(runtime.workKnobs ? { workKnobs: runtime.workKnobs } : {}),
    ...(runtime.workCost ? { workCost: runtime.workCost } : {}),
    ...(runtime.workEstimate ? { workEstimate: runtime.workEstimate } : {}),
  };
}

/** Everything that defines one run; the share link carries it. */
export interface Scenario {
  lessonId: string;
  /** Overrides of the lesson's defaults. */
  params: Record<string, ParamValue>;
  /** Learner code; undefined means the starter. */
  code?: string;
  seed: number;
  faults: Fault[];
}

export interface RunResult {
  lessonId: string;
  seed: number;
  params: Record<string, ParamValue>;
  ok: boolean;
  /** An early look at a run still going: trace up to `endedAtMs`, no metrics or goals yet. */
  partial?: boolean;
  metrics: Metrics;
  goals: GoalResult[];
  /** The lesson's theory claims that apply to these params, judged against this run. */
  theory: TheoryRow[];
  diagnostics: Diagnostic[];
  actors: ActorInfo[];
  trace: TraceData;
  /** Each latency summary's observations with their times (histograms). */
  samples: Record<string, SampleSeries>;
  /** The lesson's machines by actor kind (statechart view). */
  machines: Record<string, MachineGraph>;
  /** Static view data the model published (src/engine/snapshots.ts), by name. */
  snapshots?: SnapshotData;
  durationMs: number;
  /** Virtual time the run reached (less than durationMs when it failed). */
  endedAtMs: number;
  /**
   * Set when the trace was cut short to bound memory: it holds every event before this
   * virtual time and none after. Metrics, goals and samples still cover the whole run.
   */
  traceEndsAtMs?: number;
  /**
   * 'full': the trace holds every event of the run. 'aggregate': the run's trace would
   * be larger than a page can hold, so it keeps the events before `traceEndsAtMs`
   * (the animation) while metrics, goals and samples cover the whole run.
   * Absent on refused, failed-to-load and partial results.
   */
  mode?: RunMode;
  /** Events the whole run's trace holds or would hold (recorded or not). */
  traceEvents?: number;
  /** Work the run did, in the budget's units (engine events plus metric observations / 8). */
  work?: number;
}

export type RunMode = 'full' | 'aggregate';
