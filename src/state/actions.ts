import { loadLessonContent as loadLesson } from '../../lessons/content-registry';
import type { Fault } from '../engine/faults';
import type { ParamValue } from '../lesson/params';
import type { ActorSnapshot } from '../lesson/inspect';
import type { RunResult } from '../lesson/types';
import { decodeShare, encodeShare } from '../share/codec';
import { simClient, TIMEOUT_MESSAGE, WorkerTimeout } from '../worker/client';
import { afterPaint } from './after-paint';
import { loadCode, saveCode } from './persist';
import { scenarioOf } from './scenario';
import type { VariantRun } from './slices/run-slice';
import { useStore } from './store';

const get = () => useStore.getState();
/** Virtual time past the playback moment that a preview covers (messages in flight at t land). */
const PREVIEW_MARGIN_MS = 2000;

/** Knob changes rerun after this quiet period, so dragging a slider runs once, not 60 times. */
const RERUN_DEBOUNCE_MS = 250;
let rerunTimer: ReturnType<typeof setTimeout> | undefined;

/** Opens a lesson from a location (its `s=` share part, if any, sets the scenario). */
export async function openLesson(id: string, location: string): Promise<boolean> {
  const lesson = await loadLesson(id);
  const s = get();
  if (!lesson) {
    s.setLesson(null, id);
    return false;
  }
  const decoded = decodeShare(location, lesson);
  useStore.setState({
    lesson,
    lessonId: id,
    params: decoded.scenario.params,
    code: decoded.scenario.code ?? loadCode(id) ?? lesson.code.starter,
    seed: decoded.scenario.seed,
    faults: decoded.scenario.faults,
    compare: decoded.compare && Boolean(lesson.compare?.length),
    step: 0,
    t: decoded.t,
    playing: false,
    selectedActor: null,
    predictions: {},
    extraDiagnostics: [],
    current: null,
    variants: null,
    notices: [],
  });
  if (decoded.notice) s.addNotice('error', decoded.notice);
  await afterPaint();
  if (get().lesson !== lesson) return true;
  await runNow();
  return true;
}

async function runVariants(): Promise<{ current: RunResult; variants: VariantRun[] | null } | null> {
  const s = get();
  const scenario = scenarioOf(s);
  if (!scenario || !s.lesson) return null;
  const onProgress = (f: number) => get().setProgress(f);
  if (!s.compare || !s.lesson.compare?.length) {
    const seq = s.runSeq;
    const preview = {
      atMs: s.t + PREVIEW_MARGIN_MS,
      onPreview: (partial: RunResult) => {
        if (get().runSeq === seq) get().setPreview(partial);
      },
    };
    return { current: await simClient.run(scenario, onProgress, preview), variants: null };
  }
  const variants: VariantRun[] = [];
  for (const v of s.lesson.compare) {
    const params = { ...scenario.params, ...(v.params as Record<string, ParamValue>) };
    variants.push({ label: v.label, result: await simClient.run({ ...scenario, params }, onProgress) });
  }
  return { current: variants[0]!.result, variants };
}

/** Runs the current scenario now; older runs still in flight are ignored when they land. */
export async function runNow(): Promise<void> {
  clearTimeout(rerunTimer);
  const seq = get().runSeq + 1;
  get().setRunning(true, seq);
  try {
    const out = await runVariants();
    if (get().runSeq !== seq || !out) return;
    const s = get();
    s.setResults(out.current, out.variants);
    s.setExtraDiagnostics([]);
    // A run that finished makes an earlier "stopped" message stale.
    useStore.setState((st) => ({ notices: st.notices.filter((n) => n.text !== TIMEOUT_MESSAGE) }));
    s.setTime(Math.min(s.t, out.current.durationMs));
    for (const r of out.variants?.map((v) => v.result) ?? [out.current]) s.recordGoals(r.lessonId, r.goals);
  } catch (err) {
    if (get().runSeq !== seq) return;
    const s = get();
    s.setResults(null, null);
    if (err instanceof WorkerTimeout) {
      s.setExtraDiagnostics([{ kind: 'timeout', message: TIMEOUT_MESSAGE }]);
      s.addNotice('error', TIMEOUT_MESSAGE);
    } else {
      const message = err instanceof Error ? err.message : String(err);
      s.setExtraDiagnostics([{ kind: 'internal', message }]);
      s.addNotice('error', `The simulation failed: ${message}`);
    }
  } finally {
    if (get().runSeq === seq) get().setRunning(false);
  }
}

export function scheduleRun(): void {
  clearTimeout(rerunTimer);
  rerunTimer = setTimeout(() => void runNow(), RERUN_DEBOUNCE_MS);
}

export function setParam(name: string, value: ParamValue): void {
  get().setParamValue(name, value);
  scheduleRun();
}

export function resetParams(): void {
  useStore.setState({ params: {} });
  scheduleRun();
}

/** Keeps the learner's code in the store and in localStorage (per lesson). */
export function setCode(code: string): void {
  const s = get();
  s.setCodeText(code);
  if (s.lesson && s.lessonId) saveCode(s.lessonId, code, s.lesson.code.starter);
}

export function resetCode(): void {
  const lesson = get().lesson;
  if (lesson) setCode(lesson.code.starter);
}

export function setCompare(on: boolean): void {
  get().setCompare(on);
  void runNow();
}

export function setSeed(seed: number): void {
  get().setSeed(seed);
  scheduleRun();
}

export function addFault(f: Fault): void {
  get().setFaults([...get().faults, f].sort((x, y) => x.at - y.at));
  void runNow();
}

export function removeFault(index: number): void {
  get().setFaults(get().faults.filter((_, i) => i !== index));
  void runNow();
}

export async function checkPrediction(id: string): Promise<void> {
  const s = get();
  const scenario = scenarioOf(s);
  if (!scenario) return;
  s.setPrediction(id, { checking: true, error: undefined });
  try {
    const grade = await simClient.gradePrediction(scenario, id);
    get().setPrediction(id, { checking: false, grade });
  } catch (err) {
    get().setPrediction(id, { checking: false, error: err instanceof Error ? err.message : String(err) });
  }
}

/** A link that reopens this scenario at this moment (base: the page URL without its hash). */
export function shareUrl(base: string): string | null {
  const s = get();
  const scenario = scenarioOf(s);
  if (!scenario || !s.lesson) return null;
  const payload = encodeShare(s.lesson, { scenario, t: s.t, compare: s.compare });
  return `${base.split('#')[0]}#/lesson/${scenario.lessonId}?s=${payload}`;
}

/** The selected actor's state and context at the playback moment (replayed in the worker). */
export async function inspectActorNow(actorId: number): Promise<ActorSnapshot | null> {
  const s = get();
  const scenario = scenarioOf(s);
  if (!scenario) return null;
  return simClient.inspectActor(scenario, actorId, s.t);
}
