import type { StateCreator } from 'zustand';
import type { Diagnostic } from '../../sandbox/diagnostic';
import type { Store } from '../store';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  /** A button beside the text (e.g. "Use my saved code"); pressing it also dismisses the notice. */
  action?: { label: string; run(): void };
}

export interface PredictionState {
  choice?: string;
  checking?: boolean;
  grade?: { answer: string; explanation: string };
  error?: string;
}

/** Selection, notices, predictions and problems that are not part of a run result. */
export interface UiSlice {
  selectedActor: number | null;
  notices: Notice[];
  predictions: Record<string, PredictionState>;
  /** Problems found outside a run (the watchdog, a worker crash). */
  extraDiagnostics: Diagnostic[];
  selectActor(id: number | null): void;
  addNotice(kind: Notice['kind'], text: string, action?: Notice['action']): void;
  dismissNotice(id: number): void;
  setPrediction(id: string, patch: PredictionState): void;
  setExtraDiagnostics(d: Diagnostic[]): void;
}

let nextNoticeId = 1;

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  selectedActor: null,
  notices: [],
  predictions: {},
  extraDiagnostics: [],
  selectActor: (selectedActor) => set({ selectedActor }),
  addNotice: (kind, text, action) =>
    set((s) => ({
      notices: [
        ...s.notices.filter((n) => n.text !== text),
        { id: nextNoticeId++, kind, text, ...(action ? { action } : {}) },
      ],
    })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setPrediction: (id, patch) =>
    set((s) => ({ predictions: { ...s.predictions, [id]: { ...s.predictions[id], ...patch } } })),
  setExtraDiagnostics: (extraDiagnostics) => set({ extraDiagnostics }),
});
