/**
 * exp and log computed with IEEE basic arithmetic only (+, -, *, /), so they
 * return the same bits on every JavaScript engine. `Math.exp` and `Math.log` are
 * implementation-approximated (ECMA-262 21.3.2): their last bit may differ
 * between V8, SpiderMonkey and JavaScriptCore, which would let a seeded weight
 * stream differ between Node and a browser. The samplers' tables and slow paths
 * and the ELU-family moments use these instead.
 *
 * Method
 * - exp(x): k = round(x / ln 2), r = x - k ln2_hi - k ln2_lo (Cody-Waite, with
 *   ln2_hi exact in 32 bits so k ln2_hi is exact), |r| <= 0.35; exp(r) by its
 *   Taylor series to degree 15 (truncation < 1e-18); times 2^k from a table
 *   built by exact doubling and halving. Relative error about 2e-16.
 * - log(x): x = m 2^e with m in [1/sqrt 2, sqrt 2) by exact halving/doubling;
 *   log m = 2 atanh(s), s = (m - 1)/(m + 1), |s| <= 0.172, by its odd series
 *   to s^29; plus e ln 2. Relative error about 3e-16.
 *
 * @packageDocumentation
 */

const LN2_HI = 0.6931471803691238; // ln 2 rounded to 32 significant bits: k * LN2_HI is exact for |k| < 2^21
const LN2_LO = 1.9082149292705877e-10; // ln 2 - LN2_HI
const LN2 = 0.6931471805599453;
const INV_LN2 = 1.4426950408889634;
const SQRT2 = 1.4142135623730951;
const SQRT_HALF = 0.7071067811865476;

/** 2^k for k = -1074 ... 1023 at index k + 1074, built by exact halving and doubling. */
const POWERS_OF_TWO = new Float64Array(2098);
POWERS_OF_TWO[1074] = 1;
for (let k = 1; k <= 1023; k++) POWERS_OF_TWO[1074 + k] = POWERS_OF_TWO[1073 + k] * 2;
for (let k = 1; k <= 1074; k++) POWERS_OF_TWO[1074 - k] = POWERS_OF_TWO[1075 - k] / 2;

/** 1/n! for n = 15 down to 0: the Taylor coefficients of exp, in Horner order. */
const INVERSE_FACTORIALS = [
  1 / 1307674368000, 1 / 87178291200, 1 / 6227020800, 1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880,
  1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1, 1,
];

/**
 * e^x, the same bits on every engine.
 *
 * @example
 * exp(1) // 2.718281828459045
 */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  const k = Math.round(x * INV_LN2); // Math.round is exact: specified, not approximated
  const r = (x - k * LN2_HI) - k * LN2_LO;
  let p = INVERSE_FACTORIALS[0];
  for (let i = 1; i < 16; i++) p = p * r + INVERSE_FACTORIALS[i];
  // Split 2^k near the ends of the range so neither factor over- or underflows before the result does.
  if (k > 1000) return p * POWERS_OF_TWO[1074 + k - 100] * POWERS_OF_TWO[1074 + 100];
  if (k < -1000) return (p * POWERS_OF_TWO[1074 + k + 100]) * POWERS_OF_TWO[1074 - 100];
  return p * POWERS_OF_TWO[1074 + k];
}

/**
 * Natural logarithm, the same bits on every engine.
 *
 * @example
 * log(10) // 2.302585092994046
 */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  // Exact scaling by powers of two (2^±64 steps first, then single steps).
  while (m >= 1.8446744073709552e19) {
    m *= 5.421010862427522e-20;
    e += 64;
  }
  while (m < 5.421010862427522e-20) {
    m *= 1.8446744073709552e19;
    e -= 64;
  }
  while (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e -= 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // 2 (s + s^3/3 + ... + s^29/29) in Horner form.
  let p = 1 / 29;
  for (let n = 27; n >= 1; n -= 2) p = p * s2 + 1 / n;
  return 2 * s * p + e * LN2;
}
