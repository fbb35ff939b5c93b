import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { EXACT_SAMPLES, Metrics } from '../engine/metrics';
import { EventKind, TraceRecorder } from '../engine/trace';
import { budgetMessage, WORK_BUDGET, WorkProjector } from './budget';
import { numberParam } from './params';
import { runLesson } from './run';
import { checkedSuggestions } from './suggest';

const polling = (await loadLesson('polling'))!;

describe('work budget', () => {
  test('a run far over the budget is refused after a short pilot, naming the knob and the value that fits', () => {
    const r = runLesson(
      polling,
      {
        lessonId: 'polling',
        params: { clients: 1000, pollIntervalMs: 50, durationMs: 3_600_000 },
        seed: 1,
        faults: [],
      },
      { trace: true },
    );
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.kind).toBe('budget');
    expect(r.diagnostics[0]!.message).toMatch(
      /too large .* lower clients from 1000 to \d+ or less, or durationMs from 3600000 to \d+ or less/,
    );
    expect(r.metrics).toEqual({});
    expect(r.trace.length).toBe(0);
    expect(r.goals.every((g) => !g.passed && g.detail.startsWith('not run'))).toBe(true);
  }, 60_000);

  test('the verdict is deterministic: the same scenario gets the same message', () => {
    const s = {
      lessonId: 'polling',
      params: { clients: 1000, pollIntervalMs: 100, durationMs: 3_600_000 },
      seed: 2,
      faults: [],
    };
    const a = runLesson(polling, s, { trace: false }).diagnostics[0]?.message;
    const b = runLesson(polling, s, { trace: false }).diagnostics[0]?.message;
    expect(a).toBeDefined();
    expect(a).toBe(b);
  }, 60_000);

  test('the projection skips the start-up burst and extrapolates the steady rate', () => {
    const p = new WorkProjector(1_000_000);
    // 10,000 events at t = 0 (connections opening), then 10 events per ms.
    expect(p.projected(10_000, 0)).toBeUndefined();
    expect(p.projected(10_000 + 2_500 * 10, 2_500)).toBeUndefined(); // the mark
    const at = 5_000;
    const projected = p.projected(10_000 + at * 10, at)!;
    expect(projected).toBeCloseTo(10_000 + 1_000_000 * 10, -3);
  });

  test('a knob without a step is suggested with two decimals at most', () => {
    const specs = {
      rate: numberParam({ label: 'Rate', default: 100, min: 1, max: 100, unit: 'msg/s', help: 'h' }),
    };
    const projected = WORK_BUDGET * 6.37;
    const msg = budgetMessage(projected, checkedSuggestions(specs, { rate: 100 }, projected, ['rate']));
    expect(msg).toMatch(/lower rate from 100 to 10\.98 or less/);
  });

  test('the message suggests declared work knobs first, rounded to their step, and durationMs', () => {
    const params = { clients: 1000, durationMs: 3_600_000 };
    const projected = WORK_BUDGET * 4;
    const msg = budgetMessage(projected, checkedSuggestions(polling.params, params, projected, ['clients']));
    expect(msg).toMatch(
      /lower clients from 1000 to 175 or less, or durationMs from 3600000 to 630000 or less/,
    );
  });
});

describe('bounded memory', () => {
  test('the trace keeps its first events up to its limit and says where it stops', () => {
    const tr = new TraceRecorder(true, 1000);
    for (let i = 0; i < 5000; i++) tr.push(EventKind.Send, i * 2, 0, 1, 0, i);
    expect(tr.length).toBe(1000);
    expect(tr.truncatedAtMs).toBe(2000);
    expect(tr.toData().t[999]).toBe(1998);
  });

  test('past EXACT_SAMPLES a summary keeps percentiles within 1% and a bounded, time-ordered sample', () => {
    const m = new Metrics(new TraceRecorder(false), () => 0);
    let t = 0;
    const metrics = new Metrics(new TraceRecorder(false), () => t);
    const n = EXACT_SAMPLES * 4;
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      t = i;
      const x = 1 + ((i * 7919) % 10_000) / 10;
      values.push(x);
      metrics.observe('lat', x);
    }
    values.sort((a, b) => a - b);
    const s = metrics.snapshot().lat as { p50: number; p99: number; count: number; max: number };
    expect(s.count).toBe(n);
    expect(s.max).toBe(values[n - 1]);
    for (const [q, got] of [
      [0.5, s.p50],
      [0.99, s.p99],
    ] as const) {
      const exact = values[Math.floor(q * (n - 1))]!;
      expect(Math.abs(got - exact) / exact).toBeLessThan(0.011);
    }
    const series = metrics.series().lat!;
    expect(series.value.length).toBe(EXACT_SAMPLES);
    expect(series.sampledFrom).toBe(n);
    let ordered = true;
    for (let i = 1; i < series.t.length; i++) ordered &&= series.t[i]! >= series.t[i - 1]!;
    expect(ordered).toBe(true);
    expect(m.series()).toEqual({});
  });
});
