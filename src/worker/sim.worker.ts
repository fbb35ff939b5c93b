// Must stay the first import: it locks the realm down before anything else loads.
import './harden-first';
import * as Comlink from 'comlink';
import { lockdown as removeNetworkGlobals } from './lockdown';
import { loadLesson } from '../../lessons/registry';
import { inspectActor } from '../lesson/inspect';
import { watchLearnerCalls } from '../lesson/learner';
import { gradePrediction, runLesson } from '../lesson/run';
import type { AnyLessonRuntime as AnyLesson, RunResult, Scenario } from '../lesson/types';
import { BEAT_EVERY_MS, makeHeartbeat, type WorkerSignal } from './heartbeat';
import type { SimWorkerApi } from './protocol';

// Wall time here is for the watchdog only; it never reaches the engine or learner code.
const wallNow = () => performance.now();
const heartbeat = makeHeartbeat((s: WorkerSignal) => self.postMessage(s), wallNow);
watchLearnerCalls(heartbeat);
// While the worker waits (loading a lesson chunk, between calls) this keeps beating; it
// cannot fire while synchronous code runs, which is exactly when beats must come from the
// engine (progress ticks) or stop (learner code that does not return).
setInterval(() => heartbeat.engine(), BEAT_EVERY_MS);

async function lessonFor(scenario: Scenario): Promise<AnyLesson> {
  const lesson = await loadLesson(scenario.lessonId);
  if (!lesson) throw new Error(`unknown lesson "${scenario.lessonId}"`);
  return lesson;
}

/** Typed-array buffers of the result, moved (not copied) to the main thread. */
function buffersOf(r: RunResult): ArrayBuffer[] {
  const { trace, samples } = r;
  const arrays: ArrayBufferView[] = [trace.kind, trace.t, trace.a, trace.b, trace.c, trace.v];
  for (const s of Object.values(samples)) arrays.push(s.t, s.value);
  for (const list of Object.values(r.snapshots ?? {}))
    for (const snap of list) arrays.push(...Object.values(snap.arrays));
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  return [...seen];
}

/** Engine progress: a heartbeat at most every BEAT_EVERY_MS, and the page's progress with it. */
function progressTo(onProgress: ((f: number) => void) | undefined): (f: number) => void {
  return (f) => {
    if (heartbeat.engine() || f >= 1) void onProgress?.(f);
  };
}

const api: SimWorkerApi = {
  async run(scenario, onProgress, previewAtMs, onPreview) {
    const lesson = await lessonFor(scenario);
    const result = runLesson(lesson, scenario, {
      trace: true,
      onProgress: progressTo(onProgress),
      preview:
        onPreview && previewAtMs !== undefined
          ? {
              atMs: previewAtMs,
              send: (partial) => void onPreview(Comlink.transfer(partial, buffersOf(partial))),
            }
          : undefined,
    });
    return Comlink.transfer(result, buffersOf(result));
  },
  async inspectActor(scenario, actorId, atMs) {
    return inspectActor(await lessonFor(scenario), scenario, actorId, atMs);
  },
  async gradePrediction(scenario, predictionId) {
    const lesson = await lessonFor(scenario);
    return gradePrediction(lesson, predictionId, scenario, progressTo(undefined));
  },
};

// Defence in depth: the network and storage globals are also gone from the worker's own
// global object (learner code cannot reach it from its compartment anyway).
removeNetworkGlobals();
Comlink.expose(api);
self.postMessage({ simSignal: 'ready' } satisfies WorkerSignal);
