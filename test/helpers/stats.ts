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
