import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from './run';
import { aggregateNote, spanText } from './run-mode';

const polling = (await loadLesson('polling'))!;
const scenario = {
  lessonId: 'polling',
  params: { clients: 50, durationMs: 20_000 },
  seed: 5,
  faults: [],
};

describe('aggregate mode', () => {
  const full = runLesson(polling, scenario, { trace: true });
  const cut = runLesson(polling, scenario, { trace: true, traceLimit: 2_000 });
  const blind = runLesson(polling, scenario, { trace: false, traceLimit: 2_000 });

  test('a run whose trace fits is full and keeps every event', () => {
    expect(full.mode).toBe('full');
    expect(full.traceEndsAtMs).toBeUndefined();
    expect(full.trace.length).toBe(full.traceEvents);
    expect(full.traceEvents).toBeGreaterThan(2_000);
  });

  test('a run whose trace would be longer keeps its first events, and its metrics cover the whole run', () => {
    expect(cut.mode).toBe('aggregate');
    expect(cut.trace.length).toBe(2_000);
    expect(cut.traceEvents).toBe(full.traceEvents);
    expect(cut.metrics).toEqual(full.metrics);
    expect(cut.goals).toEqual(full.goals);
    expect(cut.endedAtMs).toBe(20_000);
    // The kept events are the full trace's first ones, and end where the cut says.
    expect([...cut.trace.t]).toEqual([...full.trace.t.subarray(0, 2_000)]);
    expect([...cut.trace.a]).toEqual([...full.trace.a.subarray(0, 2_000)]);
    expect(cut.traceEndsAtMs).toBe(full.trace.t[2_000]);
  });

  test('a run without a trace (CLI, grading) reaches the same mode and cut', () => {
    expect(blind.trace.length).toBe(0);
    expect(blind.mode).toBe('aggregate');
    expect(blind.traceEndsAtMs).toBe(cut.traceEndsAtMs);
    expect(blind.traceEvents).toBe(full.traceEvents);
  });

  test('the page says how much the animation shows and what the metrics cover', () => {
    expect(aggregateNote(full)).toBeUndefined();
    expect(aggregateNote({ mode: 'aggregate', traceEndsAtMs: 40_000, durationMs: 3_600_000 })).toBe(
      'Animation shows the first 40 s; metrics cover the whole 1 h run.',
    );
    expect(aggregateNote(cut)).toMatch(
      /^Animation shows the first [\d.]+ s; metrics cover the whole 20 s run\.$/,
    );
  });

  test('spans read in the unit a person would use', () => {
    expect(spanText(250)).toBe('250 ms');
    expect(spanText(1_500)).toBe('1.5 s');
    expect(spanText(600_000)).toBe('10 min');
    expect(spanText(7_200_000)).toBe('2 h');
  });
});
