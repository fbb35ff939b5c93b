import { performance } from 'node:perf_hooks';

/** Best of `repeat` timings of fn (ms): the least disturbed run on a shared machine. */
export function bestOf(repeat: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function fmtRate(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(1)} k/s`;
}

export function verdict(ok: boolean): string {
  return ok ? 'meets target' : 'MISSES target';
}
