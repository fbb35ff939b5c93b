import type { StateCreator } from 'zustand';
import type { RunResult } from '../../lesson/types';
import type { Store } from '../store';

export interface VariantRun {
  label: string;
  result: RunResult;
}

/** Results of the latest run (and of each compare variant). */
export interface RunSlice {
  current: RunResult | null;
  /** The first moments of a run still going (drawn until `current` replaces it). */
  preview: RunResult | null;
  variants: VariantRun[] | null;
  running: boolean;
  /** 0..1 while a run is in progress. */
  runProgress: number;
  /** Increments with every run request; late answers of older runs are ignored. */
  runSeq: number;
  setRunning(running: boolean, seq?: number): void;
  setProgress(progress: number): void;
  setResults(current: RunResult | null, variants: VariantRun[] | null): void;
  setPreview(preview: RunResult | null): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set) => ({
  current: null,
  preview: null,
  variants: null,
  running: false,
  runProgress: 0,
  runSeq: 0,
  setRunning: (running, seq) =>
    set((s) => ({ running, runSeq: seq ?? s.runSeq, runProgress: running ? 0 : 1 })),
  setProgress: (runProgress) => set({ runProgress }),
  setResults: (current, variants) => set({ current, variants, preview: null }),
  setPreview: (preview) => set({ preview }),
});
