import { randomLcg, randomNormal } from 'd3-random';

/** FNV-1a hash of a label, used to derive independent random streams from one seed. */
function hashLabel(seed: number, label: string): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/**
 * Seeded random source (d3's linear congruential generator) with the
 * distributions lessons need. `fork(label)` derives an independent stream, so a
 * change in one part of a model (say, the learner's code drawing more numbers)
 * does not shift the randomness of every other part.
 */
export class Rng {
  private readonly u: () => number;
  private normalGen: ((...a: number[]) => number) | undefined;

  constructor(readonly seed: number) {
    this.u = randomLcg(seed >>> 0);
  }

  fork(label: string): Rng {
    return new Rng(hashLabel(this.seed >>> 0, label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u();
  }

  uniform(min: number, max: number): number {
    return min + (max - min) * this.u();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.u() * n);
  }

  bernoulli(p: number): boolean {
    return this.u() < p;
  }

  /** Exponential with the given mean: gaps between Poisson arrivals of rate 1/mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.u()) * mean;
  }

  normal(mean: number, sd: number): number {
    this.normalGen ??= randomNormal.source(this.u)(0, 1);
    return mean + sd * this.normalGen();
  }

  /** Log-normal with the given median and shape sigma (heavy right tail, like real latencies). */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
}
