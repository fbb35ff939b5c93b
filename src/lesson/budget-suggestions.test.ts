import { describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { LARGEST } from '../bench/largest';
import { checkSuggestions } from '../bench/suggestions';
import { WORK_BUDGET, WorkProjector } from './budget';
import { checkedSuggestions, suggestedValue } from './suggest';
import { numberParam } from './params';

const sse = (await loadLesson('sse'))!;

describe('a refusal suggests values that are accepted', () => {
  // The heaviest knobs but 40 browsers, not 200 (4,800 tabs to build per pilot, not 24,000;
  // `npm run bench -- --suggestions` checks every lesson at its heaviest): streams still take
  // a minute to open, past the pilot, and more tabs than the six connections add no work.
  test('sse, 40 browsers × 120 tabs × 50 events/s for an hour: each suggested value passes the budget', () => {
    const params = { ...LARGEST.sse!, clients: 40 };
    const checks = checkSuggestions(sse, { lessonId: 'sse', params, seed: 1, faults: [] });
    expect(checks).toBeDefined();
    expect(checks!.map((c) => c.knob)).toContain('durationMs');
    expect(checks!.filter((c) => !c.accepted)).toEqual([]);
  }, 300_000);

  test('a lesson estimate above the budget refuses the run before its pilot', () => {
    const p = new WorkProjector(1_000_000, WORK_BUDGET, WORK_BUDGET * 2);
    expect(p.projected(0, 0)).toBe(WORK_BUDGET * 2);
  });

  test('a run that gets busier is projected from its latest window, not its pilot', () => {
    const d = 1_000_000;
    const p = new WorkProjector(d);
    // 1 unit per ms for the first 100 s, then 100 per ms (streams finished opening).
    const done = (t: number) => (t <= 100_000 ? t : 100_000 + (t - 100_000) * 100);
    let last: number | undefined;
    for (let t = 1000; t <= 200_000; t += 1000) last = p.projected(done(t), t) ?? last;
    // The pilot's rate (1/ms) would say about 1 M; the latest rate says about 80 M.
    expect(last).toBeGreaterThan(60_000_000);
  });

  test('a knob whose work stops growing past a point is suggested below that point or not at all', () => {
    const spec = numberParam({
      label: 'Tabs',
      default: 2,
      min: 1,
      max: 120,
      step: 1,
      integer: true,
      unit: 'tabs',
      help: 'h',
    });
    // Work grows with tabs up to 6 (connections per browser), flat beyond.
    const estimate = (p: Record<string, unknown>) => Math.min(p.tabs as number, 6) * 5_000_000;
    const target = WORK_BUDGET * 0.7;
    // The pilot alone (proportional) would say 120 × 16.8 / 30 = 67 tabs.
    expect(suggestedValue(spec, 'tabs', { tabs: 120 }, 30_000_000, target, estimate)).toBe(3);
    expect(suggestedValue(spec, 'tabs', { tabs: 120 }, 30_000_000, target / 10, estimate)).toBeUndefined();
  });

  test('a guess its pilot refuses is corrected along the line through the two projections', () => {
    const specs = {
      clients: numberParam({
        label: 'C',
        default: 10,
        min: 1,
        max: 100,
        step: 1,
        integer: true,
        unit: 'c',
        help: 'h',
      }),
      tabs: numberParam({
        label: 'T',
        default: 1,
        min: 1,
        max: 100,
        step: 1,
        integer: true,
        unit: 't',
        help: 'h',
      }),
    };
    // 10 M of work whatever the clients, plus 1 M a client; tabs change nothing.
    const work = (p: Record<string, unknown>) => 10e6 + 1e6 * (p.clients as number);
    const tried: number[] = [];
    const pilot = (p: Record<string, unknown>) => (tried.push(p.clients as number), work(p));
    const params = { clients: 100, tabs: 100 };
    const out = checkedSuggestions(specs, params, work(params), ['clients', 'tabs'], undefined, pilot);
    // Proportional: 100 × 16.8 / 110 = 15 (25 M: refused); the secant: 15 - (25 - 16.8) = 6.
    expect(tried).toEqual([15, 6, 100]);
    expect(out).toEqual([{ knob: 'clients', from: 100, to: 6 }]);
  });
});
