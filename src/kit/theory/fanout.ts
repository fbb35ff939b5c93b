/**
 * Fan-out (scatter-gather) and eventual-consistency closed forms.
 *
 * Scatter-gather: a query sent to N shards answers when the slowest replies, so its
 * latency is the maximum of N response times. For independent exponential times of mean
 * s the maximum is a sum of N exponential gaps of means s/N, s/(N−1), …, s (Rényi's
 * representation of order statistics), so E[max] = s·H_N with H_N the N-th harmonic
 * number; its CDF is (1 − e^(−t/s))^N, so the q-quantile is −s·ln(1 − q^(1/N))
 * (Dean & Barroso, "The Tail at Scale", CACM 56(2), 2013, for why this matters).
 * With M/M/1 shards each response is the M/M/1 sojourn time, exponential with rate μ − λ
 * (Kleinrock vol. 1, §3.2). A fork-join queue sends the same arrival to every shard, so
 * the shards' times are positively associated and the independent maximum is an upper
 * bound that is tight at low utilisation (Nelson & Tantawi, IEEE Trans. Computers 37(6), 1988).
 *
 * A stale secondary-index read: writes to a key arrive as a Poisson stream of rate w and
 * each reaches the index a lag L later. Writes not yet applied form an M/G/∞ system, so
 * their number at a random instant is Poisson with mean w·E[L]; a read finds the index
 * stale when that number is at least one: P = 1 − e^(−w·E[L]), whatever the lag's
 * distribution.
 */

/** H_n = 1 + 1/2 + … + 1/n (H_0 = 0). */
export function harmonic(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number >= 0, got ${n}`);
  let h = 0;
  for (let k = 1; k <= n; k++) h += 1 / k;
  return h;
}

/** E[max of n independent exponentials with mean meanMs] = meanMs·H_n. */
export function maxOfExponentialsMean(meanMs: number, n: number): number {
  return meanMs * harmonic(n);
}

/** The q-quantile of the max of n independent exponentials with mean meanMs: −s·ln(1 − q^(1/n)). */
export function maxOfExponentialsQuantile(meanMs: number, n: number, q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be in (0, 1), got ${q}`);
  if (n < 1) throw new RangeError('the max of no response times is undefined');
  return -meanMs * Math.log(1 - q ** (1 / n));
}

/** Mean M/M/1 sojourn (wait + service), ms: 1/(μ − λ); Infinity when λ ≥ μ. */
export function mm1SojournMs(arrivalsPerSecond: number, meanServiceMs: number): number {
  const mu = 1000 / meanServiceMs;
  return arrivalsPerSecond >= mu ? Infinity : 1000 / (mu - arrivalsPerSecond);
}

/** P(a read finds the index behind): 1 − e^(−w·L̄) for Poisson writes at w per ms and mean lag L̄ ms. */
export function staleReadProbability(writesPerMs: number, meanLagMs: number): number {
  return 1 - Math.exp(-writesPerMs * meanLagMs);
}

/**
 * Over keys read and written with the same popularity p_k (reads and writes independent):
 * P(stale) = Σ p_k·(1 − e^(−W·p_k·L̄)), W the total write rate per ms.
 */
export function staleReadFraction(
  popularity: (k: number) => number,
  keys: number,
  writesPerMs: number,
  meanLagMs: number,
): number {
  let sum = 0;
  for (let k = 0; k < keys; k++) {
    const p = popularity(k);
    sum += p * staleReadProbability(writesPerMs * p, meanLagMs);
  }
  return sum;
}

/**
 * The max of independent exponentials with different means (shards with different loads):
 * P(max ≤ t) = Π (1 − e^(−t/s_i)). Mean = ∫ (1 − Π(…)) dt, by the trapezoid rule out to
 * where the tail is below 1e-9; quantile by bisection.
 */
function maxCdf(meansMs: readonly number[], t: number): number {
  let c = 1;
  for (const s of meansMs) c *= 1 - Math.exp(-t / s);
  return c;
}

export function maxOfExponentialsMeanMixed(meansMs: readonly number[]): number {
  if (meansMs.length === 0) return 0;
  const hi = maxOfExponentialsQuantileMixed(meansMs, 1 - 1e-9);
  const steps = 4000;
  const h = hi / steps;
  let area = 0;
  for (let i = 0; i <= steps; i++) {
    const f = 1 - maxCdf(meansMs, i * h);
    area += (i === 0 || i === steps ? 0.5 : 1) * f;
  }
  return area * h;
}

export function maxOfExponentialsQuantileMixed(meansMs: readonly number[], q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be in (0, 1), got ${q}`);
  let lo = 0;
  let hi = Math.max(...meansMs);
  while (maxCdf(meansMs, hi) < q) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (maxCdf(meansMs, mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
