import type { StateCreator } from 'zustand';
import type { GoalResult } from '../../lesson/types';
import { loadProgress, saveProgress, type LessonProgress } from '../persist';
import type { Store } from '../store';

/** Goals met per lesson, persisted so the lesson index can show progress. */
export interface ProgressSlice {
  progress: Record<string, LessonProgress>;
  recordGoals(lessonId: string, goals: GoalResult[]): void;
}

export const createProgressSlice: StateCreator<Store, [], [], ProgressSlice> = (set) => ({
  progress: loadProgress(),
  recordGoals: (lessonId, goals) =>
    set((s) => {
      const before = s.progress[lessonId]?.met ?? [];
      const met = [...new Set([...before, ...goals.filter((g) => g.passed).map((g) => g.id)])].filter((id) =>
        goals.some((g) => g.id === id),
      );
      const prev = s.progress[lessonId];
      if (prev && prev.total === goals.length && prev.met.length === met.length) return {};
      const progress = { ...s.progress, [lessonId]: { met, total: goals.length } };
      saveProgress(progress);
      return { progress };
    }),
});
