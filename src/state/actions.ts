import type { Fault } from '../engine/faults';
import type { ParamValue } from '../lesson/params';
import type { ActorSnapshot } from '../lesson/inspect';
import type { RunResult } from '../lesson/types';
import { decodeShare } from '../share/codec';
import { RunCancelled, simClient, TIMEOUT_MESSAGE, WorkerTimeout } from '../worker/client';
import { afterPaint } from './after-paint';
import { loadLesson } from './lesson-source';
import { isOwnAddress, keepCode, loadCode, loadKeptCode, saveCode } from './persist';
import { scenarioOf } from './scenario';
import { runSeeds } from './seeds';
import type { VariantRun } from './slices/run-slice';
import { useStore } from './store';
import { linkOf } from './url-sync';

const get = () => useStore.getState();
/** Virtual time past the playback moment that a preview covers (messages in flight at t land). */
const PREVIEW_MARGIN_MS = 2000;

/** Knob changes rerun after this quiet period, so dragging a slider runs once, not 60 times. */
const RERUN_DEBOUNCE_MS = 250;
let rerunTimer: ReturnType<typeof setTimeout> | undefined;

export const CANCELLED_MESSAGE = 'Run cancelled: the views show the previous run.';

/** Opens a lesson from a location (its `s=` share part, if any, sets the scenario). */
export async function openLesson(id: string, location: string): Promise<boolean> {
  const lesson = await loadLesson(id);
  const s = get();
  if (!lesson) {
    s.setLesson(null, id);
    return false;
  }
  const decoded = decodeShare(location, lesson);
  // Judged from the address being opened, before any later write of our own replaces it.
  const own = isOwnAddress(location.slice(location.indexOf('#')));
  const saved = loadCode(id);
  const starter = lesson.code.starter;
  // A link reproduces the sender's run, so its code (the starter when it names none) wins over ours;
  // a reload of this tab's own address keeps the saved code, which is newer than the address.
  const code = decoded.fromLink && !own ? (decoded.scenario.code ?? starter) : (saved ?? starter);
  useStore.setState({
    lesson,
    lessonId: id,
    params: decoded.scenario.params,
    code,
    seed: decoded.scenario.seed,
    faults: decoded.scenario.faults,
    compare: decoded.compare && Boolean(lesson.compare?.length),
    step: decoded.step ?? 0,
    t: decoded.t,
    playing: false,
    selectedActor: null,
    predictions: {},
    extraDiagnostics: [],
    typeErrors: [],
    current: null,
    variants: null,
    stale: false,
    seedsRun: null,
    notices: [],
  });
  if (decoded.notice) s.addNotice('error', decoded.notice);
  if (decoded.fromLink && !own && saved !== undefined && saved !== code) {
    keepCode(id, saved);
    s.addNotice(
      'info',
      code === starter
        ? 'This link runs the starter code, so the code you saved for this lesson is not shown (it is kept).'
        : 'This link runs the code it was shared with, so the code you saved for this lesson is not shown (it is kept).',
      { label: 'Use my saved code', run: () => useKeptCode(id) },
    );
  }
  await afterPaint();
  if (get().lesson !== lesson) return true;
  await runNow();
  if (decoded.seeds && get().lesson === lesson) void runSeeds(decoded.seeds);
  return true;
}

/** Brings back the code a share link replaced on screen. */
function useKeptCode(lessonId: string): void {
  const kept = loadKeptCode(lessonId);
  if (kept === undefined || get().lessonId !== lessonId) return;
  setCode(kept);
  void runNow();
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
  const n = s.lesson.compare.length;
  for (const [i, v] of s.lesson.compare.entries()) {
    const params = { ...scenario.params, ...(v.params as Record<string, ParamValue>) };
    const result = await simClient.run({ ...scenario, params }, (f) => onProgress((i + f) / n));
    variants.push({ label: v.label, result });
  }
  const failed = variants.find((v) => !v.result.ok);
  return { current: failed?.result ?? variants[0]!.result, variants };
}

/** Runs the current scenario now; older runs still in flight are ignored when they land. */
export async function runNow(): Promise<void> {
  clearTimeout(rerunTimer);
  const seq = get().runSeq + 1;
  get().setRunning(true, seq);
  try {
    let out;
    try {
      out = await runVariants();
    } catch (err) {
      // The starter cannot loop forever: a timeout on it means a starved worker (a slow or
      // busy machine), so it gets one more try on a fresh worker before the learner hears of it.
      const scenario = scenarioOf(get());
      if (!(err instanceof WorkerTimeout) || !scenario || scenario.code !== undefined || get().runSeq !== seq)
        throw err;
      out = await runVariants();
    }
    if (get().runSeq !== seq || !out) return;
    const s = get();
    // A run that finished makes an earlier "stopped" or "cancelled" message stale.
    useStore.setState((st) => ({
      notices: st.notices.filter((n) => n.text !== TIMEOUT_MESSAGE && n.text !== CANCELLED_MESSAGE),
    }));
    if (!out.current.ok && s.current) {
      // A failed or refused run keeps the last good one on screen, marked, beside the error.
      s.markStale();
      s.setExtraDiagnostics(out.current.diagnostics);
      return;
    }
    s.setResults(out.current, out.variants);
    s.setExtraDiagnostics([]);
    s.setTime(Math.min(s.t, out.current.durationMs));
    for (const r of out.variants?.map((v) => v.result) ?? [out.current]) s.recordGoals(r.lessonId, r.goals);
  } catch (err) {
    if (get().runSeq !== seq) return;
    const s = get();
    s.markStale();
    if (err instanceof RunCancelled) {
      s.addNotice('info', CANCELLED_MESSAGE);
    } else if (err instanceof WorkerTimeout) {
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

/** Stops the run in progress; what is on screen stays, marked as from the previous run. */
export function cancelRun(): void {
  clearTimeout(rerunTimer);
  if (get().running) simClient.cancel();
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
  return linkOf(get(), base);
}

/** The selected actor's state and context at the playback moment (replayed in the worker). */
export async function inspectActorNow(actorId: number): Promise<ActorSnapshot | null> {
  const s = get();
  const scenario = scenarioOf(s);
  if (!scenario) return null;
  return simClient.inspectActor(scenario, actorId, s.t);
}
