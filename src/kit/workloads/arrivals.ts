import type { Rng } from '../../engine/random';
import type { Scheduler } from '../../engine/scheduler';

/**
 * Arrival processes on virtual time. Each takes its own `Rng` (fork one per source,
 * `sim.rng.fork('feed')`), so adding a source never shifts another's draws.
 */

/**
 * Poisson arrivals at `ratePerSecond`: exponential gaps of mean 1000/rate ms
 * (Ross, Introduction to Probability Models, §5.3). The first arrival comes one gap
 * after `startMs`. Returns a function that stops the source.
 */
export function poisson(
  scheduler: Scheduler,
  rng: Rng,
  ratePerSecond: number,
  onArrival: () => void,
  startMs = 0,
): () => void {
  const meanGap = 1000 / ratePerSecond;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    onArrival();
    scheduler.after(rng.exponential(meanGap), tick);
  };
  scheduler.at(scheduler.now + startMs + rng.exponential(meanGap), tick);
  return () => {
    stopped = true;
  };
}

export interface BurstShape {
  /** Rate while a burst is on. */
  burstRatePerSecond: number;
  /** Rate between bursts (0 for silence). */
  quietRatePerSecond: number;
  /** Mean length of a burst and of a quiet spell, ms (exponential: an on/off Markov-modulated Poisson process). */
  meanBurstMs: number;
  meanQuietMs: number;
}

/**
 * Bursty arrivals: a two-state Markov-modulated Poisson process (Fischer & Meier-Hellstern,
 * "The MMPP cookbook", 1993). Long-run mean rate = (b·B + q·Q) / (B + Q).
 * Gaps are drawn by thinning against the burst rate, so one stream serves both states.
 */
export function bursty(scheduler: Scheduler, rng: Rng, s: BurstShape, onArrival: () => void): () => void {
  let on = false;
  let switchAt = scheduler.now + rng.exponential(s.meanQuietMs);
  const top = Math.max(s.burstRatePerSecond, s.quietRatePerSecond);
  return thinned(
    scheduler,
    rng,
    top,
    (t) => {
      while (t >= switchAt) {
        on = !on;
        switchAt += rng.exponential(on ? s.meanBurstMs : s.meanQuietMs);
      }
      return (on ? s.burstRatePerSecond : s.quietRatePerSecond) / top;
    },
    onArrival,
  );
}

/**
 * A daily cycle: the rate ramps between `minRatePerSecond` (at `troughAtMs`) and
 * `maxRatePerSecond` half a period later, as a cosine. Non-homogeneous Poisson by
 * thinning (Lewis & Shedler, 1979): candidates at the peak rate, each kept with
 * probability rate(t)/peak.
 */
export function diurnal(
  scheduler: Scheduler,
  rng: Rng,
  shape: { minRatePerSecond: number; maxRatePerSecond: number; periodMs: number; troughAtMs?: number },
  onArrival: () => void,
): () => void {
  const { minRatePerSecond: lo, maxRatePerSecond: hi, periodMs } = shape;
  const trough = shape.troughAtMs ?? 0;
  return thinned(
    scheduler,
    rng,
    hi,
    (t) => {
      const phase = (2 * Math.PI * (t - trough)) / periodMs;
      return (lo + ((hi - lo) * (1 - Math.cos(phase))) / 2) / hi;
    },
    onArrival,
  );
}

/** The rate of `diurnal` at time t (for theory claims and tests). */
export function diurnalRate(
  shape: { minRatePerSecond: number; maxRatePerSecond: number; periodMs: number; troughAtMs?: number },
  t: number,
): number {
  const { minRatePerSecond: lo, maxRatePerSecond: hi, periodMs } = shape;
  return lo + ((hi - lo) * (1 - Math.cos((2 * Math.PI * (t - (shape.troughAtMs ?? 0))) / periodMs))) / 2;
}

function thinned(
  scheduler: Scheduler,
  rng: Rng,
  peakPerSecond: number,
  keep: (t: number) => number,
  onArrival: () => void,
): () => void {
  let stopped = false;
  const meanGap = 1000 / peakPerSecond;
  const tick = () => {
    if (stopped) return;
    if (rng.next() < keep(scheduler.now)) onArrival();
    scheduler.after(rng.exponential(meanGap), tick);
  };
  scheduler.after(rng.exponential(meanGap), tick);
  return () => {
    stopped = true;
  };
}
