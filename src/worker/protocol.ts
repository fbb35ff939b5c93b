import type { ActorSnapshot } from '../lesson/inspect';
import type { RunResult, Scenario } from '../lesson/types';

/** The worker's comlink API; the main thread talks to it only through client.ts. */
export interface SimWorkerApi {
  /** Runs one scenario; `onProgress` is a heartbeat for the watchdog (about 200 calls a run). */
  run(
    scenario: Scenario,
    onProgress?: (fraction: number) => void,
    /** With `onPreview`: a partial result once virtual time passes this (see RunOptions.preview). */
    previewAtMs?: number,
    onPreview?: (partial: RunResult) => void,
  ): Promise<RunResult>;
  /** Grades one prediction of the scenario's lesson with the reference solution. */
  gradePrediction(scenario: Scenario, predictionId: string): Promise<{ answer: string; explanation: string }>;
  /** One actor's state and context at a moment, by replaying the scenario up to it. */
  inspectActor(scenario: Scenario, actorId: number, atMs: number): Promise<ActorSnapshot>;
}
