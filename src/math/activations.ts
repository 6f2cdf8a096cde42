/**
 * The activations this package knows, named as TF.js names them, with their
 * pointwise value and derivative in double precision.
 *
 * Method: every formula is written so that it keeps full relative accuracy for
 * large |x| (no 1 - tanh^2, no exp overflow): sigmoid splits on the sign of x,
 * softplus is max(x, 0) + log1p(exp(-|x|)), sech^2(x) = 4e/(1+e)^2 with
 * e = exp(-2|x|), and mish uses tanh(softplus(x)) = n/(n+2) with n = e^x (e^x + 2).
 *
 * @packageDocumentation
 */
import {checkOneOf, checkPositiveFinite, InvalidArgumentError} from '../errors.js';
import {normalCdf, normalPdf} from './gaussian.js';

/** The activation names accepted everywhere in this package, as TF.js spells them. */
export const ACTIVATION_NAMES = [
  'elu', 'selu', 'relu', 'leakyRelu', 'linear', 'tanh', 'sigmoid', 'softplus', 'gelu', 'swish',
  'mish',
] as const;

/** One of {@link ACTIVATION_NAMES}. */
export type ActivationName = typeof ACTIVATION_NAMES[number];

/** SELU's constants, as in TF.js (Klambauer et al., 2017). */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
export const SELU_SCALE = 1.0507009873554804934193349852946;

/** Default `alpha` of the activations that have one: ELU's alpha and leaky ReLU's slope (TF.js defaults). */
export const DEFAULT_ALPHA: Readonly<Partial<Record<ActivationName, number>>> = {
  elu: 1,
  leakyRelu: 0.3,
};

/**
 * Validates an activation name and its alpha, filling in the default alpha.
 * `alpha` must be absent (undefined or null) for activations that have none.
 *
 * @example
 * resolveActivation('Fn', 'leakyRelu', undefined) // {activation: 'leakyRelu', alpha: 0.3}
 */
export function resolveActivation(owner: string, activation: unknown, alpha: unknown):
    {activation: ActivationName, alpha: number|null} {
  const name = checkOneOf(owner, 'activation', activation, ACTIVATION_NAMES);
  const fallback = DEFAULT_ALPHA[name];
  if (fallback === undefined) {
    if (alpha != null) {
      throw new InvalidArgumentError(
          owner, 'alpha', alpha,
          `left unset for activation '${name}' (only 'elu' and 'leakyRelu' take an alpha)`);
    }
    return {activation: name, alpha: null};
  }
  return {
    activation: name,
    alpha: alpha == null ? fallback : checkPositiveFinite(owner, 'alpha', alpha),
  };
}

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  return (4 * e) / ((1 + e) * (1 + e));
}

/** tanh(softplus(x)) and 1 - tanh(softplus(x))^2, both without cancellation. */
function mishParts(x: number): [number, number] {
  const e = Math.exp(Math.min(x, 300));
  const n = e * (e + 2);
  const d = n + 2;
  return [n / d, (4 * (n + 1)) / (d * d)];
}

/** A pointwise activation with its derivative (the kink of ELU/ReLU at 0 has measure zero). */
export interface Pointwise {
  value(x: number): number;
  derivative(x: number): number;
}

/**
 * f and f' of an activation, for a validated name and alpha.
 *
 * @example
 * pointwise('elu', 1).value(-1) // -0.6321205588285577
 */
export function pointwise(activation: ActivationName, alpha: number|null): Pointwise {
  const a = alpha ?? 1;
  switch (activation) {
    case 'elu':
      return {
        value: (x) => (x > 0 ? x : a * Math.expm1(x)),
        derivative: (x) => (x > 0 ? 1 : a * Math.exp(x)),
      };
    case 'selu':
      return {
        value: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
        derivative: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
      };
    case 'relu':
      return {value: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0)};
    case 'leakyRelu':
      return {value: (x) => (x > 0 ? x : a * x), derivative: (x) => (x > 0 ? 1 : a)};
    case 'linear':
      return {value: (x) => x, derivative: () => 1};
    case 'tanh':
      return {value: Math.tanh, derivative: sech2};
    case 'sigmoid':
      return {value: sigmoid, derivative: (x) => sigmoid(x) * sigmoid(-x)};
    case 'softplus':
      return {value: softplus, derivative: sigmoid};
    case 'gelu':
      // TF.js's exact form: 0.5 x (1 + erf(x / sqrt 2)) = x Phi(x).
      return {value: (x) => x * normalCdf(x), derivative: (x) => normalCdf(x) + x * normalPdf(x)};
    case 'swish':
      return {value: (x) => x * sigmoid(x), derivative: (x) => sigmoid(x) * (1 + x * sigmoid(-x))};
    case 'mish':
      return {
        value: (x) => x * mishParts(x)[0],
        derivative: (x) => {
          const [t, s2] = mishParts(x);
          return t + x * s2 * sigmoid(x);
        },
      };
  }
}
