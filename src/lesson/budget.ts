import type { NumberParam, ParamSpecs, ParamValue } from './params';

/**
 * How much work one run may do. The unit is one engine event of the polling lesson
 * (about 1.6-2 µs of CPU on the shared 2-core reference machine, under load); a metric
 * observation counts as 1/OBSERVATIONS_PER_EVENT of one (a latency summary fed per
 * delivered update can outnumber the events; measured: 0.6 µs an observation), and a
 * lesson whose events cost more declares `workCost` (its events times that).
 * Calibrated with `npm run bench -- --largest` and src/bench/profile-big.ts (marginal CPU
 * per unit at each lesson's heaviest knobs, after start-up): polling 1.6-2 µs, sharding
 * 1.5 µs, sse 12-15 µs (cost 7), websockets 18 µs (cost 9), realtime-compare 17-20 µs
 * (cost 9). 24 M units is 40-50 s of CPU on the loaded reference machine, less on an
 * idle core: within the minute a run may take.
 * Counting events, not seconds, keeps the verdict the same on every machine and in
 * Node and the browser.
 */
export const WORK_BUDGET = 24_000_000;
export const OBSERVATIONS_PER_EVENT = 3;
/**
 * The pilot: work is measured between these two fractions of the run's virtual time
 * (skipping the start, where connections open in a burst) and the rate projected over
 * the rest; from then on the projection is renewed as the run goes.
 */
export const PILOT_FROM = 0.0025;
export const PILOT_TO = 0.005;
/**
 * ... or, for a heavy run, between these amounts of work (events), so that a run far
 * over the budget is refused within a few seconds, whatever its duration.
 */
export const PILOT_FROM_WORK = 150_000;
export const PILOT_TO_WORK = 300_000;

/** Projects a run's total work from the part done so far (deterministic: virtual time and event counts only). */
export class WorkProjector {
  private mark: { done: number; now: number } | undefined;
  constructor(
    private readonly durationMs: number,
    private readonly budget = WORK_BUDGET,
  ) {}

  /** The projected total work, or undefined while too early to tell. */
  projected(done: number, now: number): number | undefined {
    if (done > this.budget) return done;
    const d = this.durationMs;
    if (this.mark === undefined) {
      if (now >= d * PILOT_FROM || done >= PILOT_FROM_WORK) this.mark = { done, now };
      return undefined;
    }
    const early = now < d * PILOT_TO && done < this.mark.done + (PILOT_TO_WORK - PILOT_FROM_WORK);
    if (early || now <= this.mark.now) return undefined;
    const rate = (done - this.mark.done) / (now - this.mark.now);
    return done + rate * Math.max(0, d - now);
  }
}

/** Thrown by the run when its projected work is above the budget; the runner turns it into a 'budget' diagnostic. */
export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
  constructor(
    message: string,
    readonly projected: number,
  ) {
    super(message);
  }
}

function lowered(spec: NumberParam, value: number, factor: number): number | undefined {
  const step = spec.step ?? (spec.integer ? 1 : 0);
  let v = value * factor;
  if (step > 0) v = Math.floor(v / step) * step;
  else v = Math.floor(v * 100) / 100; // a knob without a step: two decimals are enough to read
  if (spec.integer) v = Math.floor(v);
  if (v < spec.min || v >= value) return undefined;
  return v;
}

/**
 * The learner-facing sentence: how much work, and which knob to lower to what. Knobs
 * the lesson declares in `workKnobs` (work roughly proportional to each) come first;
 * `durationMs` always qualifies.
 */
export function budgetMessage(
  specs: ParamSpecs,
  params: Record<string, ParamValue>,
  projected: number,
  workKnobs: readonly string[] = [],
): string {
  // A margin of 30%: the pilot sees the start of the run, and some runs get busier as they
  // go (connections accumulate); the suggested value must still fit (measured: at 10% the
  // sse lesson's suggestion was refused again late in the run).
  const factor = (WORK_BUDGET / projected) * 0.7;
  const options: string[] = [];
  for (const name of [...workKnobs.filter((k) => k !== 'durationMs'), 'durationMs']) {
    const spec = specs[name];
    const value = params[name];
    if (!spec || spec.kind !== 'number' || typeof value !== 'number') continue;
    const to = lowered(spec, value, factor);
    if (to !== undefined) options.push(`${name} from ${value} to ${to} or less`);
  }
  const size = `about ${(projected / 1e6).toFixed(1)} million events' worth of work, over the limit of ${(WORK_BUDGET / 1e6).toFixed(0)} million a run can do in under a minute`;
  const fix = options.length
    ? `lower ${options.join(', or ')}`
    : 'lower the knobs that add clients, traffic or time';
  return `This run is too large to simulate here: ${size}. To run it, ${fix}.`;
}
