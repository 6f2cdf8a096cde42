/**
 * The He-style scale s with Var[w] = s / fan for any activation.
 *
 * Method (He et al. 2015, eq. 10 and 14, generalised from ReLU):
 * - forward: Var[y_l] = fan_in Var[w] E[f(y_{l-1})^2]; keeping Var[y] = q* needs
 *   s = q* / E[f(z)^2], z ~ N(0, q*).
 * - backward: Var[dx_l] = fan_out Var[w] E[f'(y_l)^2] Var[dx_{l+1}]; keeping it
 *   constant needs s = 1 / E[f'(z)^2], z ~ N(0, q*).
 * For ReLU both give 2; for ELU (alpha 1) at q* = 1, 1.5505188 and 1.4967774.
 *
 * @packageDocumentation
 */
import {checkOneOf, checkPositiveFinite} from '../errors.js';
import {ActivationName, resolveActivation} from './activations.js';
import {momentsFor} from './activationMoments.js';

/** Which pass's variance the scale preserves. */
export type ScaleDirection = 'forward'|'backward';

/** Valid values of `direction`. */
export const SCALE_DIRECTIONS: readonly ScaleDirection[] = ['forward', 'backward'];

/** Options of {@link varianceScale}. */
export interface VarianceScaleOptions {
  /** ELU's alpha (default 1) or leaky ReLU's slope (default 0.3); only for those two. */
  alpha?: number|null;
  /** The pre-activation variance q* to keep. Default 1. */
  variance?: number;
  /** `'forward'` (default): q* / E[f^2]; `'backward'`: 1 / E[f'^2]. */
  direction?: ScaleDirection;
}

/**
 * The number s such that Var[w] = s / fan keeps the variance at `variance`.
 *
 * @throws InvalidArgumentError for an unknown activation or direction, a bad alpha or variance.
 *
 * @example
 * varianceScale('elu')                          // 1.5505188146904722
 * varianceScale('elu', {direction: 'backward'}) // 1.4967774044181614
 * varianceScale('relu')                         // 2
 */
export function varianceScale(activation: ActivationName, options: VarianceScaleOptions = {}): number {
  const owner = 'varianceScale';
  const {activation: name, alpha} = resolveActivation(owner, activation, options.alpha);
  const q = options.variance === undefined ? 1 : checkPositiveFinite(owner, 'variance', options.variance);
  const direction = options.direction === undefined ?
      'forward' :
      checkOneOf(owner, 'direction', options.direction, SCALE_DIRECTIONS);
  return scaleFor(name, alpha, q, direction);
}

/** varianceScale for arguments that are already validated. */
export function scaleFor(
    activation: ActivationName, alpha: number|null, q: number, direction: ScaleDirection): number {
  const m = momentsFor(activation, alpha, q);
  return direction === 'forward' ? q / m.secondMoment : 1 / m.derivativeSecondMoment;
}
