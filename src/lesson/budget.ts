import type { ParamValue } from './params';

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

/**
 * Projects a run's total work from the part done so far (deterministic: virtual time and
 * event counts only). The first verdict comes after the pilot; from then on the rate is
 * the most recent window's (a quarter to three eighths of the time since the pilot began),
 * not the pilot's, so a run that gets busier as it goes is refused as soon as that shows.
 * A lesson's closed-form estimate (`floor`) is the least the projection says: it knows
 * about the steady state before the run reaches it.
 */
export class WorkProjector {
  private mark: { done: number; now: number } | undefined;
  private window: { done: number; now: number }[] = [];
  /** The pilot's (then the latest window's) projection, without the floor. */
  measured: number | undefined;

  constructor(
    private readonly durationMs: number,
    private readonly budget = WORK_BUDGET,
    private readonly floor = 0,
  ) {}

  /** The projected total work, or undefined while too early to tell. */
  projected(done: number, now: number): number | undefined {
    if (done > this.budget) return done;
    if (this.floor > this.budget) return this.floor;
    const d = this.durationMs;
    if (this.mark === undefined) {
      if (now >= d * PILOT_FROM || done >= PILOT_FROM_WORK) this.mark = { done, now };
      return undefined;
    }
    if (this.window.length === 0) {
      const early = now < d * PILOT_TO && done < this.mark.done + (PILOT_TO_WORK - PILOT_FROM_WORK);
      if (early || now <= this.mark.now) return undefined;
      this.window.push(this.mark);
    }
    this.slide(done, now);
    const from = this.window[0]!;
    if (now <= from.now) return this.measured === undefined ? undefined : Math.max(this.floor, this.measured);
    const rate = (done - from.done) / (now - from.now);
    this.measured = done + rate * Math.max(0, d - now);
    return Math.max(this.floor, this.measured);
  }

  /** Keeps up to three checkpoints, each a span of an eighth of the time since the pilot began. */
  private slide(done: number, now: number): void {
    const w = this.window;
    const span = (now - this.mark!.now) / 8;
    if (now - w[w.length - 1]!.now < span) return;
    w.push({ done, now });
    if (w.length > 3) w.shift();
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

/** A run's work as a function of its params (the lesson's closed-form estimate times its cost). */
export type WorkEstimate = (params: Record<string, ParamValue>) => number;

/** The sentence for a refused run, given the knob values checked to fit (see suggest.ts). */
export function budgetMessage(
  projected: number,
  options: readonly { knob: string; from: number; to: number }[],
): string {
  const size = `about ${(projected / 1e6).toFixed(1)} million events' worth of work, over the limit of ${(WORK_BUDGET / 1e6).toFixed(0)} million a run can do in under a minute`;
  const fix = options.length
    ? `lower ${options.map((o) => `${o.knob} from ${o.from} to ${o.to} or less`).join(', or ')}`
    : 'lower the knobs that add clients, traffic or time';
  return `This run is too large to simulate here: ${size}. To run it, ${fix}.`;
}
