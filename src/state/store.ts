import { create } from 'zustand';
import { createLessonSlice, type LessonSlice } from './slices/lesson-slice';
import { createPlaybackSlice, type PlaybackSlice } from './slices/playback-slice';
import { createProgressSlice, type ProgressSlice } from './slices/progress-slice';
import { createRunSlice, type RunSlice } from './slices/run-slice';
import { createUiSlice, type UiSlice } from './slices/ui-slice';

export type Store = LessonSlice & RunSlice & PlaybackSlice & UiSlice & ProgressSlice;

/** The one app store, built from typed slices. */
export const useStore = create<Store>()((...a) => ({
  ...createLessonSlice(...a),
  ...createRunSlice(...a),
  ...createPlaybackSlice(...a),
  ...createUiSlice(...a),
  ...createProgressSlice(...a),
}));
