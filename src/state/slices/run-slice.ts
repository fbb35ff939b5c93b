import type { StateCreator } from 'zustand';
import type { GoalResult, Metrics, RunResult } from '../../lesson/types';
import type { Store } from '../store';

export interface VariantRun {
  label: string;
  result: RunResult;
}

/** A TypeScript error in the learner's code, as the editor's checker reports it. */
export interface TypeProblem {
  line: number;
  column: number;
  message: string;
}

/** What a many-seeds run keeps of each seed: the numbers, not the trace. */
export interface SeedOutcome {
  seed: number;
  ok: boolean;
  metrics: Metrics;
  goals: GoalResult[];
}

/** The scenario run over `count` seeds from `fromSeed`, in parallel workers. */
export interface SeedsRun {
  count: number;
  fromSeed: number;
  /** The scenario (without its seed) these seeds ran; the panel says when the page has moved on. */
  key: string;
  outcomes: SeedOutcome[];
  running: boolean;
  error?: string;
}

/** Results of the latest run (and of each compare variant). */
export interface RunSlice {
  /** The run the views, goals and metrics show: the latest one that completed. */
  current: RunResult | null;
  /** The first moments of a run still going (drawn until `current` replaces it). */
  preview: RunResult | null;
  variants: VariantRun[] | null;
  /** True when the latest run failed or was refused, so `current` is from the previous run. */
  stale: boolean;
  running: boolean;
  /** 0..1 while a run is in progress. */
  runProgress: number;
  /** Increments with every run request; late answers of older runs are ignored. */
  runSeq: number;
  /** TypeScript's errors in the code when Run was last pressed (the run still goes ahead if it compiles). */
  typeErrors: TypeProblem[];
  seedsRun: SeedsRun | null;
  setRunning(running: boolean, seq?: number): void;
  setProgress(progress: number): void;
  setResults(current: RunResult | null, variants: VariantRun[] | null): void;
  /** The latest run failed: what is on screen stays, marked as from the previous run. */
  markStale(): void;
  setPreview(preview: RunResult | null): void;
  setTypeErrors(d: TypeProblem[]): void;
  setSeedsRun(run: SeedsRun | null): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set) => ({
  current: null,
  preview: null,
  variants: null,
  stale: false,
  running: false,
  runProgress: 0,
  runSeq: 0,
  typeErrors: [],
  seedsRun: null,
  setRunning: (running, seq) =>
    set((s) => ({ running, runSeq: seq ?? s.runSeq, runProgress: running ? 0 : 1 })),
  setProgress: (runProgress) => set({ runProgress }),
  setResults: (current, variants) => set({ current, variants, preview: null, stale: false }),
  markStale: () => set((s) => ({ preview: null, stale: s.current !== null })),
  setPreview: (preview) => set({ preview }),
  setTypeErrors: (typeErrors) => set({ typeErrors }),
  setSeedsRun: (seedsRun) => set({ seedsRun }),
});
