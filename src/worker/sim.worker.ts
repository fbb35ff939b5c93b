import * as Comlink from 'comlink';
import { lockdown } from './lockdown';
import { loadLesson } from '../../lessons/registry';
import { inspectActor } from '../lesson/inspect';
import { gradePrediction, runLesson } from '../lesson/run';
import type { AnyLessonRuntime as AnyLesson, RunResult, Scenario } from '../lesson/types';
import type { SimWorkerApi } from './protocol';

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
  const seen = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) seen.add(a.buffer);
  return [...seen];
}

const api: SimWorkerApi = {
  async run(scenario, onProgress, previewAtMs, onPreview) {
    const lesson = await lessonFor(scenario);
    const result = runLesson(lesson, scenario, {
      trace: true,
      onProgress: onProgress ? (f) => void onProgress(f) : undefined,
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
    return gradePrediction(await lessonFor(scenario), predictionId, scenario);
  },
};

// Imported modules are trusted and already evaluated; lessons load lazily and learner
// code only runs inside run(), so locking down here comes before any of it.
lockdown();
Comlink.expose(api);
