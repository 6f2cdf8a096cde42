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
 * - log(x): x = m 2^e with m in [1/sqrt 2, sqrt 2), e read off the exponent
 *   bits and m = x 2^-e exactly;
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
/** Big-endian view of one double, for reading its exponent bits (the same on every platform). */
const BITS = new DataView(new ArrayBuffer(8));
// 1/n for the odd n of log's series.
const L29 = 1 / 29;
const L27 = 1 / 27;
const L25 = 1 / 25;
const L23 = 1 / 23;
const L21 = 1 / 21;
const L19 = 1 / 19;
const L17 = 1 / 17;
const L15 = 1 / 15;
const L13 = 1 / 13;
const L11 = 1 / 11;
const L9 = 1 / 9;
const L7 = 1 / 7;
const L5 = 1 / 5;
const L3 = 1 / 3;

/** 2^k for k = -1074 ... 1023 at index k + 1074, built by exact halving and doubling. @internal (also read by the WebAssembly samplers) */
export const POWERS_OF_TWO = new Float64Array(2098);
POWERS_OF_TWO[1074] = 1;
for (let k = 1; k <= 1023; k++) POWERS_OF_TWO[1074 + k] = POWERS_OF_TWO[1073 + k] * 2;
for (let k = 1; k <= 1074; k++) POWERS_OF_TWO[1074 - k] = POWERS_OF_TWO[1075 - k] / 2;

// 1/n! for n = 15 down to 3: the Taylor coefficients of exp (1/2, 1, 1 appear as literals).
const F15 = 1 / 1307674368000;
const F14 = 1 / 87178291200;
const F13 = 1 / 6227020800;
const F12 = 1 / 479001600;
const F11 = 1 / 39916800;
const F10 = 1 / 3628800;
const F9 = 1 / 362880;
const F8 = 1 / 40320;
const F7 = 1 / 5040;
const F6 = 1 / 720;
const F5 = 1 / 120;
const F4 = 1 / 24;
const F3 = 1 / 6;

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
  // Horner's rule for the Taylor coefficients 1/15!, ..., 1/2, 1, 1, written out:
  // V8 runs straight-line code faster than a loop over an array of them.
  const p = ((((((((((((((F15 * r + F14) * r + F13) * r + F12) * r + F11) * r + F10) * r + F9) * r + F8) * r + F7) *
    r + F6) * r + F5) * r + F4) * r + F3) * r + 0.5) * r + 1) * r + 1;
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
  // x = m 2^e with m in [sqrt(1/2), sqrt 2): e from the exponent bits, m = x 2^-e
  // exactly; the same (m, e) as scaling by 2 step by step (it is unique).
  BITS.setFloat64(0, x);
  let e = (BITS.getUint32(0) >>> 20) - 1023;
  let m: number;
  if (e === -1023) {
    // Subnormal: scale into the normal range first (exact).
    m = x * 1.8446744073709552e19;
    BITS.setFloat64(0, m);
    e = (BITS.getUint32(0) >>> 20) - 1023;
    m *= POWERS_OF_TWO[1074 - e];
    e -= 64;
  } else {
    m = x * POWERS_OF_TWO[1074 - e];
  }
  if (m >= SQRT2) {
    m *= 0.5;
    e += 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // 2 (s + s^3/3 + ... + s^29/29): Horner's rule written out, coefficients 1/n rounded once.
  const p = (((((((((((((L29 * s2 + L27) * s2 + L25) * s2 + L23) * s2 + L21) * s2 + L19) * s2 + L17) * s2 + L15) *
    s2 + L13) * s2 + L11) * s2 + L9) * s2 + L7) * s2 + L5) * s2 + L3) * s2 + 1;
  return 2 * s * p + e * LN2;
}
