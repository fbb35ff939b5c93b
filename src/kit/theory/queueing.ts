/**
 * Closed forms of queueing theory that lessons declare as their theory.
 *
 * Notation (Kleinrock, "Queueing Systems", vol. 1, 1975; Gross & Harris, "Fundamentals
 * of Queueing Theory"): arrivals at rate λ (Poisson), c identical servers each serving
 * at rate μ (exponential service times, mean 1/μ), offered load a = λ/μ erlangs and
 * utilisation ρ = a/c. Every formula here needs ρ < 1 (a stable queue) and returns
 * Infinity otherwise, which is what the queue does: it grows without bound.
 */

/** Little's law: mean number in a system L = λ·W (Little, Operations Research 9(3), 1961). */
export function littlesLaw(arrivalRatePerMs: number, meanTimeInSystemMs: number): number {
  return arrivalRatePerMs * meanTimeInSystemMs;
}

/**
 * Erlang B blocking probability B(c, a), by the stable recurrence
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)); no factorials, so it holds for c in the thousands.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 0) throw new RangeError(`servers must be a whole number >= 0`);
  if (!(offeredLoad >= 0)) throw new RangeError(`offered load must be >= 0`);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival must wait in an M/M/c queue,
 * C(c, a) = c·B / (c − a·(1 − B)) with B = Erlang B(c, a). 1 when ρ >= 1.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (servers < 1) throw new RangeError('an M/M/c queue needs at least one server');
  if (offeredLoad >= servers) return 1;
  const b = erlangB(servers, offeredLoad);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

export interface MMcPrediction {
  /** ρ = λ/(cμ). */
  utilization: number;
  /** Probability an arrival waits (Erlang C). */
  probabilityOfWait: number;
  /** Mean wait in the queue before service, Wq = C/(cμ − λ). */
  meanWaitMs: number;
  /** Mean time in system, W = Wq + 1/μ. */
  meanTimeInSystemMs: number;
  /** Mean number waiting, Lq = λ·Wq (Little). */
  meanQueueLength: number;
  /** Mean number in system, L = λ·W (Little). */
  meanInSystem: number;
  /** P(Wq > t) = C·e^(−(cμ − λ)t): the wait's tail, for percentiles. */
  waitExceeds(tMs: number): number;
  /** The q-quantile of the time in queue (0 when an arrival is likely not to wait at all). */
  waitQuantileMs(q: number): number;
}

/** The M/M/c queue: Poisson arrivals at `arrivalsPerSecond`, c servers, exponential service with mean `meanServiceMs`. */
export function mmc(arrivalsPerSecond: number, servers: number, meanServiceMs: number): MMcPrediction {
  if (!(arrivalsPerSecond >= 0) || !(meanServiceMs > 0)) throw new RangeError('rates must be positive');
  const lambda = arrivalsPerSecond / 1000; // per ms
  const mu = 1 / meanServiceMs; // per ms
  const a = lambda / mu;
  const utilization = a / servers;
  if (utilization >= 1) {
    return {
      utilization,
      probabilityOfWait: 1,
      meanWaitMs: Infinity,
      meanTimeInSystemMs: Infinity,
      meanQueueLength: Infinity,
      meanInSystem: Infinity,
      waitExceeds: () => 1,
      waitQuantileMs: () => Infinity,
    };
  }
  const c = erlangC(servers, a);
  const drain = servers * mu - lambda; // per ms
  const meanWaitMs = c / drain;
  const meanTimeInSystemMs = meanWaitMs + meanServiceMs;
  return {
    utilization,
    probabilityOfWait: c,
    meanWaitMs,
    meanTimeInSystemMs,
    meanQueueLength: lambda * meanWaitMs,
    meanInSystem: lambda * meanTimeInSystemMs,
    waitExceeds: (t) => (t <= 0 ? c : c * Math.exp(-drain * t)),
    // P(Wq > t) = 1 − q  ⇒  t = ln(C / (1 − q)) / (cμ − λ), and 0 when C <= 1 − q.
    waitQuantileMs: (q) => (c <= 1 - q ? 0 : Math.log(c / (1 - q)) / drain),
  };
}
