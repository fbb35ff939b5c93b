import type { Metrics } from '../lesson/types';
import type { GoalResult } from '../lesson/types';
import type { Diagnostic } from '../sandbox/diagnostic';
import { runNow, setCode } from '../state/actions';
import { selectDiagnostics } from '../state/selectors';
import { useStore } from '../state/store';
import { runsDrawn } from './viz/current-index';

/** What e2e tests read and drive on `window.__playground`; not used by the app itself. */
export interface PlaygroundTestHook {
  /** A lesson is open, its latest run finished (or was stopped) and nothing is running. */
  readonly ready: boolean;
  lastRun(): { metrics: Metrics; goals: GoalResult[]; diagnostics: Diagnostic[] } | null;
  /** Sets the code as an edit would (through the editor when it is mounted). */
  setCode(code: string): void;
  getCode(): string;
  run(): Promise<void>;
  playback(): { t: number; playing: boolean; durationMs: number };
  /** Runs finished so far; wait for it to grow after triggering a run. */
  readonly runCount: number;
  /** Runs or previews drawn by the views so far (the benchmark times Run to the next one). */
  readonly runsDrawn: number;
}

declare global {
  interface Window {
    __playground?: PlaygroundTestHook;
  }
}

export function installPlaygroundHook(): void {
  let runCount = 0;
  useStore.subscribe((s, prev) => {
    if (prev.running && !s.running) runCount++;
  });
  const hook: PlaygroundTestHook = {
    get ready() {
      const s = useStore.getState();
      return Boolean(s.lesson) && !s.running && (s.current !== null || s.extraDiagnostics.length > 0);
    },
    get runCount() {
      return runCount;
    },
    get runsDrawn() {
      return runsDrawn();
    },
    lastRun() {
      const s = useStore.getState();
      if (!s.current && !s.extraDiagnostics.length) return null;
      return {
        metrics: s.current?.metrics ?? {},
        goals: s.current?.goals ?? [],
        diagnostics: selectDiagnostics(s),
      };
    },
    setCode(code) {
      if (window.__codePane) window.__codePane.setValue(code);
      else setCode(code);
    },
    getCode: () => useStore.getState().code,
    run: () => runNow(),
    playback() {
      const s = useStore.getState();
      return { t: s.t, playing: s.playing, durationMs: s.current?.durationMs ?? 0 };
    },
  };
  window.__playground = hook;
}
