import type { StateCreator } from 'zustand';
import type { Fault } from '../../engine/faults';
import type { ParamValue } from '../../lesson/params';
import type { AnyLesson } from '../../lesson/types';
import type { Store } from '../store';

/** The scenario being edited: lesson, knobs, code, seed, faults, compare mode. */
export interface LessonSlice {
  lessonId: string | null;
  lesson: AnyLesson | null;
  /** Overrides of the lesson's defaults (what the knobs changed). */
  params: Record<string, ParamValue>;
  code: string;
  seed: number;
  faults: Fault[];
  compare: boolean;
  /** Narrative step shown (0-based). */
  step: number;
  setLesson(lesson: AnyLesson | null, lessonId: string | null): void;
  setParamValue(name: string, value: ParamValue): void;
  setCodeText(code: string): void;
  setSeed(seed: number): void;
  setFaults(faults: Fault[]): void;
  setCompare(on: boolean): void;
  setStep(step: number): void;
}

export const createLessonSlice: StateCreator<Store, [], [], LessonSlice> = (set) => ({
  lessonId: null,
  lesson: null,
  params: {},
  code: '',
  seed: 1,
  faults: [],
  compare: false,
  step: 0,
  setLesson: (lesson, lessonId) => set({ lesson, lessonId }),
  setParamValue: (name, value) =>
    set((s) => {
      const params = { ...s.params };
      if (s.lesson && s.lesson.params[name]?.default === value) delete params[name];
      else params[name] = value;
      return { params };
    }),
  setCodeText: (code) => set({ code }),
  setSeed: (seed) => set({ seed }),
  setFaults: (faults) => set({ faults }),
  setCompare: (compare) => set({ compare }),
  setStep: (step) => set({ step }),
});
