import type { StateCreator } from 'zustand';
import type { Store } from '../store';

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;

/** The replay of the current run: virtual time t (ms), play state and speed. */
export interface PlaybackSlice {
  t: number;
  playing: boolean;
  /** Virtual ms per real ms. */
  speed: number;
  setTime(t: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
}

export const createPlaybackSlice: StateCreator<Store, [], [], PlaybackSlice> = (set) => ({
  t: 0,
  playing: false,
  speed: 1,
  setTime: (t) => set({ t: Math.max(0, t) }),
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) }),
});
