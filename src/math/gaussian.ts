/**
 * The standard normal density and distribution function, on top of `erfc`/`erfcx`.
 *
 * Method: Phi(x) = erfc(-x / sqrt 2) / 2, which keeps full relative accuracy in
 * the lower tail; `expTimesPhiOfMinus` folds a growing exponential into the
 * scaled erfcx so that products like e^{2q} Phi(-2 sqrt q) never overflow.
 *
 * @packageDocumentation
 */
import {erfc, erfcx} from './erfc.js';
import {exp} from './portable.js';

const SQRT_HALF = Math.SQRT1_2;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;

/**
 * Density of N(0, 1).
 *
 * @example
 * normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  return ONE_OVER_SQRT_2PI * exp(-0.5 * x * x);
}

/**
 * Distribution function of N(0, 1).
 *
 * @example
 * normalCdf(-2) // 0.022750131948179195
 */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * SQRT_HALF);
}

/**
 * exp(x^2 / 2) * Phi(-x) for x >= 0, computed as erfcx(x / sqrt 2) / 2, finite for every x.
 *
 * @example
 * expTimesPhiOfMinus(2) // e^2 * Phi(-2) = 0.16810226574293265
 */
export function expTimesPhiOfMinus(x: number): number {
  return 0.5 * erfcx(x * SQRT_HALF);
}
