/**
 * Globally adaptive Gauss-Kronrod quadrature (7-point Gauss, 15-point Kronrod)
 * for vector-valued integrands on finite intervals.
 *
 * Method: Piessens et al., QUADPACK (1983), rule QK15 with global adaptive
 * bisection of the interval whose error estimate |K15 - G7| is largest. The
 * estimate |K15 - G7| is the error of the 7-point rule, so it overstates the
 * error of the 15-point result that is returned by orders of magnitude on
 * smooth integrands: stopping on it is conservative. Component j is done when
 * its summed estimate is at most `relTol` times the integral of |f_j| (a
 * relative tolerance for one-signed integrands, and a meaningful one for
 * integrals that are zero by symmetry).
 *
 * @packageDocumentation
 */

// Nodes and weights of the 15-point Kronrod rule on [-1, 1] (nodes >= 0,
// largest first) and of the embedded 7-point Gauss rule (on the odd-indexed
// Kronrod nodes and 0). test/math/quadrature.test.ts checks that the rules are
// exact for polynomials up to degree 22 and 13.
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
  0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
  0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
const WGK = [
  0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
  0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
  0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [
  0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
  0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
];

/** A vector integrand: writes f_1(x) ... f_dim(x) into `out`. */
export type VectorIntegrand = (x: number, out: Float64Array) => void;

/** Options of {@link integrate}. */
export interface QuadratureOptions {
  /** Relative tolerance against the integral of |f_j|. Default 1e-12. */
  relTol?: number;
  /** Most subintervals before giving up (an Error). Default 2000. */
  maxIntervals?: number;
}

interface Piece {
  a: number;
  b: number;
  value: Float64Array;
  absValue: Float64Array;
  error: Float64Array;
}

function rule(f: VectorIntegrand, dim: number, a: number, b: number): Piece {
  const center = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  const kronrod = new Float64Array(dim);
  const gauss = new Float64Array(dim);
  const absValue = new Float64Array(dim);
  const fx = new Float64Array(dim);
  const fy = new Float64Array(dim);
  f(center, fx);
  for (let j = 0; j < dim; j++) {
    kronrod[j] = WGK[7] * fx[j];
    gauss[j] = WG[3] * fx[j];
    absValue[j] = WGK[7] * Math.abs(fx[j]);
  }
  for (let i = 0; i < 7; i++) {
    const dx = half * XGK[i];
    f(center - dx, fx);
    f(center + dx, fy);
    for (let j = 0; j < dim; j++) {
      const sum = fx[j] + fy[j];
      kronrod[j] += WGK[i] * sum;
      absValue[j] += WGK[i] * (Math.abs(fx[j]) + Math.abs(fy[j]));
      if (i % 2 === 1) gauss[j] += WG[(i - 1) / 2] * sum;
    }
  }
  const error = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    kronrod[j] *= half;
    absValue[j] *= Math.abs(half);
    error[j] = Math.abs(kronrod[j] - gauss[j] * half);
  }
  return {a, b, value: kronrod, absValue, error};
}

/**
 * Integrates a vector function over the union of consecutive intervals
 * [breaks[0], breaks[1]], [breaks[1], breaks[2]], ...
 *
 * @example
 * integrate((x, out) => { out[0] = Math.exp(-x * x); }, 1, [-10, 0, 10])
 * // Float64Array [1.7724538509055159]  (sqrt(pi))
 */
export function integrate(
    f: VectorIntegrand, dim: number, breaks: readonly number[],
    options: QuadratureOptions = {}): Float64Array {
  const relTol = options.relTol ?? 1e-12;
  const maxIntervals = options.maxIntervals ?? 2000;
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < breaks.length; i++) pieces.push(rule(f, dim, breaks[i], breaks[i + 1]));
  for (;;) {
    const value = new Float64Array(dim);
    const absValue = new Float64Array(dim);
    const error = new Float64Array(dim);
    for (const p of pieces) {
      for (let j = 0; j < dim; j++) {
        value[j] += p.value[j];
        absValue[j] += p.absValue[j];
        error[j] += p.error[j];
      }
    }
    // The component furthest from its tolerance decides which piece to split.
    let worst = -1;
    let worstRatio = 1;
    for (let j = 0; j < dim; j++) {
      const tolerance = relTol * absValue[j];
      const ratio = tolerance > 0 ? error[j] / tolerance : (error[j] > 0 ? Infinity : 0);
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = j;
      }
    }
    if (worst < 0) return value;
    if (pieces.length >= maxIntervals) {
      throw new Error(
          `integrate: no convergence after ${maxIntervals} subintervals ` +
          `(component ${worst}: error estimate ${error[worst]}, value ${value[worst]})`);
    }
    let index = 0;
    for (let i = 1; i < pieces.length; i++) {
      if (pieces[i].error[worst] > pieces[index].error[worst]) index = i;
    }
    const {a, b} = pieces[index];
    const mid = 0.5 * (a + b);
    pieces.splice(index, 1, rule(f, dim, a, mid), rule(f, dim, mid, b));
  }
}
