import type { Diagnostic } from '../sandbox/diagnostic';
import type { Store } from './store';

// Module-level selectors: stable identities, so components re-render only on their slice.
export const selectLesson = (s: Store) => s.lesson;
export const selectLessonId = (s: Store) => s.lessonId;
export const selectParams = (s: Store) => s.params;
export const selectCode = (s: Store) => s.code;
export const selectSeed = (s: Store) => s.seed;
export const selectFaults = (s: Store) => s.faults;
export const selectCompare = (s: Store) => s.compare;
export const selectStep = (s: Store) => s.step;
export const selectCurrent = (s: Store) => s.current;
export const selectPreview = (s: Store) => s.preview;
export const selectVariants = (s: Store) => s.variants;
export const selectRunning = (s: Store) => s.running;
export const selectRunProgress = (s: Store) => s.runProgress;
export const selectT = (s: Store) => s.t;
export const selectPlaying = (s: Store) => s.playing;
export const selectSpeed = (s: Store) => s.speed;
export const selectSelectedActor = (s: Store) => s.selectedActor;
export const selectNotices = (s: Store) => s.notices;
export const selectPredictions = (s: Store) => s.predictions;
export const selectLessonProgress = (s: Store) => s.progress;
export const selectStale = (s: Store) => s.stale;
export const selectTypeErrors = (s: Store) => s.typeErrors;
export const selectSeedsRun = (s: Store) => s.seedsRun;
export const selectDuration = (s: Store) => s.current?.durationMs ?? 0;

const NO_DIAGNOSTICS: Diagnostic[] = [];
/** Problems to show next to the code: the watchdog's, else the latest run's. */
export const selectDiagnostics = (s: Store): Diagnostic[] =>
  s.extraDiagnostics.length ? s.extraDiagnostics : (s.current?.diagnostics ?? NO_DIAGNOSTICS);
