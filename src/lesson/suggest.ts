import { WORK_BUDGET, type WorkEstimate } from './budget';
import type { NumberParam, ParamSpecs, ParamValue } from './params';

/**
 * Aim of a suggestion: 70% of the budget. The pilot sees the start of the run, and some
 * runs get busier as they go; the suggested value must still fit.
 */
export const SUGGEST_TARGET = 0.7;
/** A candidate value is accepted if its own pilot projects at most this share of the budget. */
export const SUGGEST_ACCEPT = 0.85;
/** Pilots one refusal may run to check its suggestions (each a few seconds at most). */
const PILOTS_PER_REFUSAL = 8;

/** The largest value of the knob, on its step, not above `v`; undefined if below its minimum. */
export function onStep(spec: NumberParam, v: number): number | undefined {
  const step = spec.step ?? (spec.integer ? 1 : 0);
  if (step > 0) v = Math.floor(v / step + 1e-9) * step;
  else v = Math.floor(v * 100) / 100; // a knob without a step: two decimals are enough to read
  if (spec.integer) v = Math.floor(v);
  return v < spec.min ? undefined : v;
}

/**
 * The first guess for one knob: the measured work taken as proportional to the knob, and
 * the lesson's estimate (if any) asked directly (bisection: it is taken to grow with the
 * knob), both at most `target`. Undefined when no lower value fits.
 */
export function suggestedValue(
  spec: NumberParam,
  name: string,
  params: Record<string, ParamValue>,
  measured: number,
  target: number,
  estimate?: WorkEstimate,
): number | undefined {
  const value = params[name] as number;
  let upper = measured > target ? (value * target) / measured : value;
  if (estimate) {
    const at = (x: number) => estimate({ ...params, [name]: x });
    if (at(spec.min) > target) return undefined;
    if (at(upper) > target) {
      let [lo, hi] = [spec.min, upper];
      for (let i = 0; i < 60; i++) {
        const mid = (lo + hi) / 2;
        if (at(mid) <= target) lo = mid;
        else hi = mid;
      }
      upper = lo;
    }
  }
  const v = onStep(spec, upper);
  if (v === undefined || v >= value) return undefined;
  if (estimate && estimate({ ...params, [name]: v }) > target) return undefined;
  return v;
}

/** Runs a pilot with other params: the projected work, whether it was accepted or refused. */
export type Pilot = (params: Record<string, ParamValue>) => number;

/**
 * The knob values a refusal suggests, each checked by the lesson's estimate if it has one,
 * else by a pilot of the run with that value when `pilot` is given: work is seldom proportional to a knob (a fixed part, a link that
 * caps deliveries, connections that stop growing at six), so a guess whose pilot is still
 * refused is corrected along the line through the two projections (secant), at most a
 * few times. A knob no checked value fits is left out. Knobs the lesson declares in
 * `workKnobs` come first; `durationMs` always qualifies.
 */
export function checkedSuggestions(
  specs: ParamSpecs,
  params: Record<string, ParamValue>,
  measured: number,
  workKnobs: readonly string[] = [],
  estimate?: WorkEstimate,
  pilot?: Pilot,
  budget = WORK_BUDGET,
): { knob: string; from: number; to: number }[] {
  const target = budget * SUGGEST_TARGET;
  const out: { knob: string; from: number; to: number }[] = [];
  let pilots = PILOTS_PER_REFUSAL;
  for (const name of [...workKnobs.filter((k) => k !== 'durationMs'), 'durationMs']) {
    const spec = specs[name];
    const value = params[name];
    if (!spec || spec.kind !== 'number' || typeof value !== 'number') continue;
    let guess = suggestedValue(spec, name, params, measured, target, estimate);
    // A lesson's closed-form estimate has checked the guess already (its tests hold it
    // above the work runs do); a pilot of a heavy lesson would cost many seconds more.
    if (guess === undefined || !pilot || estimate) {
      if (guess !== undefined) out.push({ knob: name, from: value, to: guess });
      continue;
    }
    let [x0, p0] = [value, measured];
    let found: number | undefined;
    for (let tries = 0; tries < 3 && pilots > 0 && guess !== undefined; tries++) {
      pilots--;
      const p1 = pilot({ ...params, [name]: guess });
      if (p1 <= budget * SUGGEST_ACCEPT) {
        found = guess;
        break;
      }
      const slope = (p0 - p1) / (x0 - guess);
      if (!(slope > 0)) break; // lowering this knob does not lower the work
      const next = onStep(spec, Math.max(spec.min, guess - (p1 - target) / slope));
      [x0, p0] = [guess, p1];
      guess = next !== undefined && next < x0 ? next : undefined;
    }
    if (found !== undefined) out.push({ knob: name, from: value, to: found });
  }
  return out;
}
