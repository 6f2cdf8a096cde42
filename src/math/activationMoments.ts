/**
 * E[f(z)], E[f(z)^2] and E[f'(z)^2] for z ~ N(0, q): the numbers that decide how
 * much variance a layer with activation f passes on (forward) and lets back
 * through (backward).
 *
 * Method
 * - ELU (and SELU = lambda * ELU(alpha_selu)), with s = sqrt q, A = e^{q/2} Phi(-s),
 *   B = e^{2q} Phi(-2s) (both through erfcx, so they never overflow):
 *     E[f]    = s / sqrt(2 pi) + alpha (A - 1/2)
 *     E[f^2]  = q/2 + alpha^2 (B - 2A + 1/2)
 *     E[f'^2] = 1/2 + alpha^2 B
 *   For s <= 1/2 the bracketed differences cancel (they are O(s)), so the
 *   negative-side integrals are summed as series instead:
 *     E[(e^z - 1) 1{z<0}]   = sum_{k>=1} (-s)^k M_k / (2 k!)
 *     E[(e^z - 1)^2 1{z<0}] = sum_{k>=2} (2^k - 2) (-s)^k M_k / (2 k!)
 *   with M_k = E|Z|^k = (k-1) M_{k-2}, M_0 = 1, M_1 = sqrt(2/pi).
 * - ReLU, leaky ReLU (slope a), linear: s(1-a)/sqrt(2 pi), q(1+a^2)/2, (1+a^2)/2.
 * - tanh, sigmoid, softplus, GELU, swish, mish: adaptive Gauss-Kronrod quadrature of
 *   f(s x) phi(x) over [-40, 40] (phi(40) < 1e-347 underflows), relative tolerance 1e-12.
 * Reference: He et al., "Delving Deep into Rectifiers" (2015), eq. 10 and 14, for
 * why these moments set the forward and backward variance scale. All values are
 * checked against mpmath in test/fixtures/activation-moments.json.
 *
 * @packageDocumentation
 */
import {checkPositiveFinite} from '../errors.js';
import {ActivationName, pointwise, resolveActivation, SELU_ALPHA, SELU_SCALE} from './activations.js';
import {expTimesPhiOfMinus} from './gaussian.js';
import {integrate} from './quadrature.js';

const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SQRT_2_OVER_PI = 0.7978845608028654;

/** Gaussian moments of an activation; see {@link activationMoments}. */
export interface ActivationMoments {
  /** E[f(z)]. */
  mean: number;
  /** E[f(z)^2]: what the next layer's weights multiply (He et al.'s E[x^2]). */
  secondMoment: number;
  /** E[f'(z)^2]: what the backward pass multiplies gradients' variance by. */
  derivativeSecondMoment: number;
}

/** Options of {@link activationMoments}. */
export interface ActivationMomentsOptions {
  /** ELU's alpha (default 1) or leaky ReLU's slope (default 0.3); only for those two. */
  alpha?: number|null;
  /** Variance q of the pre-activation z ~ N(0, q). Default 1. */
  variance?: number;
}

/** ELU's moments for alpha and q (see Method). */
function eluMoments(alpha: number, q: number): ActivationMoments {
  const s = Math.sqrt(q);
  const b = expTimesPhiOfMinus(2 * s);
  let negativeMean: number;
  let negativeSquare: number;
  if (s > 0.5) {
    const a = expTimesPhiOfMinus(s);
    negativeMean = a - 0.5;
    negativeSquare = b - 2 * a + 0.5;
  } else {
    negativeMean = 0;
    negativeSquare = 0;
    let previousM = 1; // M_{k-2}
    let m = SQRT_2_OVER_PI; // M_{k-1}
    let power = -s; // (-s)^k / k!, starting at k = 1
    let twoPower = 2; // 2^k
    negativeMean += (power * m) / 2;
    for (let k = 2; k < 80; k++) {
      const next = (k - 1) * previousM;
      previousM = m;
      m = next;
      power *= -s / k;
      twoPower *= 2;
      const meanTerm = (power * m) / 2;
      const squareTerm = ((twoPower - 2) * power * m) / 2;
      negativeMean += meanTerm;
      negativeSquare += squareTerm;
      if (Math.abs(squareTerm) < 1e-18 * Math.abs(negativeSquare) &&
          Math.abs(meanTerm) < 1e-18 * Math.abs(negativeMean)) {
        break;
      }
    }
  }
  return {
    mean: s * ONE_OVER_SQRT_2PI + alpha * negativeMean,
    secondMoment: q / 2 + alpha * alpha * negativeSquare,
    derivativeSecondMoment: 0.5 + alpha * alpha * b,
  };
}

/**
 * The same three moments by adaptive quadrature, for any activation (the
 * closed forms of {@link activationMoments} are checked against this too).
 *
 * @example
 * quadratureMoments('gelu', null, 1).secondMoment // 0.4252214825702987 (to ~1e-13)
 */
export function quadratureMoments(
    activation: ActivationName, alpha: number|null, q: number): ActivationMoments {
  const {value, derivative} = pointwise(activation, alpha);
  const s = Math.sqrt(q);
  const [mean, secondMoment, derivativeSecondMoment] = integrate(
      (x, out) => {
        const weight = ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
        const y = value(s * x);
        const d = derivative(s * x);
        out[0] = y * weight;
        out[1] = y * y * weight;
        out[2] = d * d * weight;
      },
      3, [-40, -8, -4, -2, -1, 0, 1, 2, 4, 8, 40]);
  return {mean, secondMoment, derivativeSecondMoment};
}

/**
 * E[f(z)], E[f(z)^2] and E[f'(z)^2] for z ~ N(0, variance).
 *
 * Closed forms for `elu`, `selu`, `relu`, `leakyRelu`, `linear`; quadrature
 * accurate to a relative 1e-12 for `tanh`, `sigmoid`, `softplus`, `gelu`,
 * `swish`, `mish`.
 *
 * @param activation - A TF.js activation name, see {@link ACTIVATION_NAMES}.
 * @param options - `alpha` (ELU alpha or leaky ReLU slope) and `variance` (default 1).
 * @throws InvalidArgumentError for an unknown activation, a bad alpha or variance.
 *
 * @example
 * activationMoments('elu')
 * // {mean: 0.16052057226655606, secondMoment: 0.6449454174929239,
 * //  derivativeSecondMoment: 0.6681020012231706}
 */
export function activationMoments(
    activation: ActivationName, options: ActivationMomentsOptions = {}): ActivationMoments {
  const owner = 'activationMoments';
  const resolved = resolveActivation(owner, activation, options.alpha);
  const q = options.variance === undefined ? 1 :
                                             checkPositiveFinite(owner, 'variance', options.variance);
  return momentsFor(resolved.activation, resolved.alpha, q);
}

/** activationMoments for arguments that are already validated. */
export function momentsFor(
    activation: ActivationName, alpha: number|null, q: number): ActivationMoments {
  const s = Math.sqrt(q);
  switch (activation) {
    case 'elu':
      return eluMoments(alpha ?? 1, q);
    case 'selu': {
      const m = eluMoments(SELU_ALPHA, q);
      const l2 = SELU_SCALE * SELU_SCALE;
      return {
        mean: SELU_SCALE * m.mean,
        secondMoment: l2 * m.secondMoment,
        derivativeSecondMoment: l2 * m.derivativeSecondMoment,
      };
    }
    case 'relu':
    case 'leakyRelu':
    case 'linear': {
      // Piecewise linear with slope 1 for z > 0 and `slope` for z < 0.
      const slope = activation === 'relu' ? 0 : activation === 'linear' ? 1 : (alpha ?? 0.3);
      const w = (1 + slope * slope) / 2;
      return {
        mean: (1 - slope) * s * ONE_OVER_SQRT_2PI,
        secondMoment: q * w,
        derivativeSecondMoment: w,
      };
    }
    default:
      return quadratureMoments(activation, alpha, q);
  }
}
