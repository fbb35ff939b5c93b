import { performance } from 'node:perf_hooks';
import type { MessagePort } from 'node:worker_threads';
import { loadLesson } from '../../lessons/registry';
import type { ParamValue } from '../lesson/params';
import { watchLearnerCalls } from '../lesson/learner';
import { runLesson } from '../lesson/run';
import type { AnyLessonRuntime as AnyLesson, RunResult } from '../lesson/types';
import { hardenRealm } from '../sandbox/realm';
import { makeHeartbeat, type WorkerSignal } from '../worker/heartbeat';

/** What the CLI asks its runner thread to do. */
export interface RunJob {
  lessonId: string;
  overrides: Record<string, ParamValue>;
  code?: string;
  seeds: number[];
}

/** The part of a RunResult the CLI prints (no trace, no samples). */
export type RunSummary = Pick<
  RunResult,
  | 'lessonId'
  | 'seed'
  | 'params'
  | 'ok'
  | 'metrics'
  | 'goals'
  | 'diagnostics'
  | 'endedAtMs'
  | 'mode'
  | 'traceEndsAtMs'
  | 'traceEvents'
>;

/** Messages from the runner thread besides heartbeats. */
export type RunnerMessage = { simResult: RunSummary } | { simDone: true };

/** Loads what the runs need while the module loader is still up (it does not survive lockdown). */
export async function prepare(job: RunJob): Promise<AnyLesson> {
  const lesson = await loadLesson(job.lessonId);
  if (!lesson) throw new Error(`unknown lesson "${job.lessonId}"`);
  return lesson;
}

/**
 * Runs each seed in this thread, after hardening the realm, with heartbeats to the main
 * thread (which holds the watchdog) exactly as the page's worker does.
 */
export function runAll(job: RunJob, lesson: AnyLesson, port: MessagePort): void {
  hardenRealm();
  const post = (m: WorkerSignal | RunnerMessage) => port.postMessage(m);
  const heartbeat = makeHeartbeat(post, () => performance.now());
  watchLearnerCalls(heartbeat);
  post({ simSignal: 'ready' });
  for (const seed of job.seeds) {
    const r = runLesson(
      lesson,
      { lessonId: lesson.id, params: job.overrides, code: job.code, seed, faults: [] },
      { trace: false, onProgress: () => void heartbeat.engine() },
    );
    const { lessonId, params, ok, metrics, goals, diagnostics, endedAtMs, mode, traceEndsAtMs } = r;
    const summary: RunSummary = { lessonId, seed, params, ok, metrics, goals, diagnostics, endedAtMs };
    if (mode) summary.mode = mode;
    if (r.traceEvents !== undefined) summary.traceEvents = r.traceEvents;
    if (traceEndsAtMs !== undefined) summary.traceEndsAtMs = traceEndsAtMs;
    post({ simResult: summary });
  }
  post({ simDone: true });
}
