/**
 * Moment checks with tolerances from the sample size.
 *
 * For n independent draws with mean 0, variance sigma^2 and fourth moment mu4:
 * - the sample mean has standard error SE_mean = sigma / sqrt(n);
 * - the mean of squares (the variance estimate when the mean is known to be 0)
 *   has standard error SE_var = sqrt((mu4 - sigma^4) / n).
 * Every check allows Z = 6 standard errors: a correct sampler fails one check
 * with probability about 2e-9, while a variance off by the 0.774 factor of an
 * uncorrected 2-sigma truncation is tens of standard errors away at the sizes used.
 */
export const Z = 6;

/** Kurtosis mu4 / sigma^4 of the distributions the initializers draw from. */
export const KURTOSIS = {
  normal: 3,
  uniform: 9 / 5,
  // N(0,1) truncated to (-2, 2): (3 - 2c(c^2+3) phi(c) / (2 Phi(c) - 1)) / (1 - 2c phi(c) / (2 Phi(c) - 1))^2 at c = 2.
  truncatedNormal: 1.4161891248494627 / (0.7737413035499232 * 0.7737413035499232),
} as const;

export interface SampleMoments {
  n: number;
  mean: number;
  meanSquare: number;
  maxAbs: number;
  finite: boolean;
}

export function sampleMoments(values: ArrayLike<number>): SampleMoments {
  let sum = 0;
  let sumSquares = 0;
  let maxAbs = 0;
  let finite = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) finite = false;
    sum += v;
    sumSquares += v * v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
  }
  return {n: values.length, mean: sum / values.length, meanSquare: sumSquares / values.length, maxAbs, finite};
}

/** Z * SE of the sample mean for variance `variance`. */
export function meanTolerance(variance: number, n: number): number {
  return (Z * Math.sqrt(variance)) / Math.sqrt(n);
}

/** Z * SE of the mean of squares: Z sqrt((mu4 - sigma^4) / n) with mu4 = kurtosis sigma^4. */
export function varianceTolerance(variance: number, kurtosis: number, n: number): number {
  return Z * Math.sqrt(((kurtosis - 1) * variance * variance) / n);
}

/**
 * Kolmogorov-Smirnov statistic D_n = sup |F_n(x) - F(x)| of a sample against a CDF.
 * Acceptance threshold used in the tests: D_n < KS_THRESHOLD / sqrt(n), with
 * KS_THRESHOLD = 2.693, where the asymptotic Kolmogorov distribution gives
 * P(sqrt(n) D_n > t) ~ 2 exp(-2 t^2) = 1e-6 for a correct sampler.
 */
export function ksStatistic(values: ArrayLike<number>, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

export const KS_THRESHOLD = 2.693;

/**
 * Checks raw moments E[x^j], j = 1..4, against the distribution's `mu` (mu[j] = E[x^j],
 * needed up to j = 8): each within Z standard errors, SE_j = sqrt((mu[2j] - mu[j]^2) / n).
 * Together these are the mean, variance, skewness and kurtosis checks.
 */
export function expectRawMoments(values: ArrayLike<number>, mu: number[]): void {
  const n = values.length;
  const sums = [0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const x2 = x * x;
    sums[1] += x;
    sums[2] += x2;
    sums[3] += x2 * x;
    sums[4] += x2 * x2;
  }
  for (let j = 1; j <= 4; j++) {
    const se = Math.sqrt((mu[2 * j] - mu[j] * mu[j]) / n);
    const got = sums[j] / n;
    if (!(Math.abs(got - mu[j]) < Z * se)) {
      throw new Error(`moment E[x^${j}] = ${got}, expected ${mu[j]} +- ${Z} x ${se}`);
    }
  }
}
