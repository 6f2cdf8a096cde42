/**
 * The mean-field critical ("edge of chaos") initialization of a deep network.
 *
 * Method (Poole et al. 2016; Schoenholz et al., "Deep Information Propagation",
 * ICLR 2017; Hayou et al., ICML 2019): with weights of variance sigma_w^2 / fan_in
 * and biases of variance sigma_b^2, the pre-activation variance follows
 * q_{l+1} = sigma_b^2 + sigma_w^2 E[f(z)^2], z ~ N(0, q_l). Criticality asks that
 * gradients neither explode nor vanish at the fixed point: chi = sigma_w^2 E[f'(z)^2] = 1.
 * Eliminating sigma_w^2 = 1 / E[f'(z)^2] leaves one equation in q*:
 *   g(q) = q - sigma_b^2 - E[f(z)^2] / E[f'(z)^2] = 0,
 * solved by scanning a log grid of q on [1e-8, 1e6] for a sign change and
 * bisecting it to machine precision. The slope of the variance map at q*,
 * dq_{l+1}/dq_l, is returned too (below 1: a perturbed variance returns to q*),
 * computed by a central difference of the map.
 *
 * @packageDocumentation
 */
import {checkPositiveFinite, InvalidArgumentError} from '../errors.js';
import {ActivationName, resolveActivation} from '../math/activations.js';
import {momentsFor} from '../math/activationMoments.js';

/** Options of {@link edgeOfChaos}. */
export interface EdgeOfChaosOptions {
  /** sigma_b, the standard deviation of the biases (> 0). */
  biasStd: number;
  /** ELU's alpha (default 1) or leaky ReLU's slope (default 0.3); only for those two. */
  alpha?: number|null;
}

/** The critical point found by {@link edgeOfChaos}. */
export interface EdgeOfChaos {
  /** sigma_w: weights ~ sigma_w / sqrt(fan_in) (Var[w] = sigma_w^2 / fan_in). */
  weightStd: number;
  /** q*, the fixed-point pre-activation variance. */
  fixedPointVariance: number;
  /** dq_{l+1}/dq_l at q*: below 1, the variance returns to q* after a perturbation. */
  slope: number;
  /** sigma_b, as given. */
  biasStd: number;
}

/**
 * Weight std and fixed-point variance on the edge of chaos for an activation and bias std.
 *
 * @throws InvalidArgumentError for a bad activation, alpha or biasStd, or when the
 *   activation has no critical fixed point for this biasStd (e.g. ReLU: chi = 1 forces
 *   sigma_w^2 = 2, and then q = sigma_b^2 + q has no solution for sigma_b > 0).
 *
 * @example
 * edgeOfChaos('elu', {biasStd: 0.2})
 * // {weightStd: 1.2293..., fixedPointVariance: 1.1069..., slope: 0.8598..., biasStd: 0.2}
 */
export function edgeOfChaos(activation: ActivationName, options: EdgeOfChaosOptions): EdgeOfChaos {
  const owner = 'edgeOfChaos';
  const resolved = resolveActivation(owner, activation, options?.alpha);
  const biasStd = checkPositiveFinite(owner, 'biasStd', options?.biasStd);
  const b2 = biasStd * biasStd;
  const moments = (q: number) => momentsFor(resolved.activation, resolved.alpha, q);
  const g = (q: number) => {
    const m = moments(q);
    return q - b2 - m.secondMoment / m.derivativeSecondMoment;
  };
  const steps = 560; // 40 points per decade over [1e-8, 1e6]
  let lo = 1e-8;
  let gLo = g(lo);
  for (let i = 1; i <= steps; i++) {
    const hi = 1e-8 * Math.pow(10, (14 * i) / steps);
    const gHi = g(hi);
    if (gLo === 0 || gLo * gHi < 0) {
      let a = lo;
      let b = hi;
      for (let k = 0; k < 200 && b - a > 4e-16 * b; k++) {
        const mid = 0.5 * (a + b);
        if (g(a) * g(mid) <= 0) b = mid;
        else a = mid;
      }
      const q = gLo === 0 ? lo : 0.5 * (a + b);
      const weightVariance = 1 / moments(q).derivativeSecondMoment;
      const map = (x: number) => b2 + weightVariance * moments(x).secondMoment;
      const h = 1e-5 * q;
      return {
        weightStd: Math.sqrt(weightVariance),
        fixedPointVariance: q,
        slope: (map(q + h) - map(q - h)) / (2 * h),
        biasStd,
      };
    }
    lo = hi;
    gLo = gHi;
  }
  throw new InvalidArgumentError(
      owner, 'activation', resolved.activation,
      `an activation with a critical fixed point for biasStd ${biasStd} (none found for q* in [1e-8, 1e6])`);
}
