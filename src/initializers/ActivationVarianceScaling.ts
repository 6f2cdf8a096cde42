/**
 * `ActivationVarianceScaling`: He initialization generalised to any activation.
 *
 * Method: Var[w] = s / fan, with s from {@link varianceScale} for the activation
 * that feeds this layer and the target pre-activation variance q*: forward
 * (q* / E[f(z)^2]) for `fanIn`, `fanAvg` and `fanGeoAvg`, backward
 * (1 / E[f'(z)^2]) for `fanOut`. The truncated normal is cut at 2 sigma and
 * sigma is divided by 0.87962566103423978, the standard deviation of a standard
 * normal truncated to (-2, 2), so the weights' variance is s / fan as promised
 * (Keras does the same; TF.js 4.22's heNormal does not and gets 0.774 s / fan).
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {checkPositiveFinite, InvalidArgumentError} from '../errors.js';
import {ACTIVATION_NAMES, ActivationName, resolveActivation} from '../math/activations.js';
import {scaleFor} from '../math/varianceScale.js';
import {randomSeed, Xoshiro128} from '../random/xoshiro128.js';
import {fillUniform} from '../random/uniform.js';
import {fillNormal} from '../random/normal.js';
import {fillTruncatedNormal} from '../random/truncatedNormal.js';
import {readChoice, readConfig, readSeed} from './config.js';
import {checkShape, FAN_MODES, FanMode, fanFor} from './fans.js';
import {InitializerBase} from './initializerBase.js';

/** The distributions weights can be drawn from. */
export type Distribution = 'truncatedNormal'|'normal'|'uniform';

/** Valid values of `distribution`. */
export const DISTRIBUTIONS: readonly Distribution[] = ['truncatedNormal', 'normal', 'uniform'];

/** Standard deviation of N(0, 1) truncated to (-2, 2): sqrt(1 - 4 phi(2) / (2 Phi(2) - 1)). */
export const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

/** Marks classes of this package, so a second copy (CJS next to ESM) can recognise them. */
export const PACKAGE_BRAND = Symbol.for('tfjs-elu-init.initializer');

/**
 * Float32 weights of `shape` with mean 0 and variance `variance` from `distribution`
 * (the truncated normal cut at 2 sigma and variance-corrected), seeded.
 *
 * @example
 * drawWeights(0.01, [3, 4], 'uniform', 0) // Float32Array(12), values in [-0.1732, 0.1732]
 */
export function drawWeights(variance: number, shape: readonly number[], distribution: Distribution, seed: number): Float32Array {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  const source = new Xoshiro128(seed);
  if (distribution === 'truncatedNormal') {
    fillTruncatedNormal(values, source, Math.sqrt(variance) / TRUNCATED_NORMAL_STDDEV, 2);
  } else if (distribution === 'normal') {
    fillNormal(values, source, Math.sqrt(variance));
  } else {
    fillUniform(values, source, Math.sqrt(3 * variance));
  }
  return values;
}

/** Arguments of {@link ActivationVarianceScaling}; every field is optional. */
export interface ActivationVarianceScalingArgs {
  /** The activation applied to this layer's *input* (the previous layer's activation). Default `'elu'`. */
  activation?: ActivationName;
  /** ELU's alpha (default 1) or leaky ReLU's slope (default 0.3); leave unset for other activations. */
  alpha?: number|null;
  /** q*, the pre-activation variance to keep from layer to layer. Default 1. */
  targetVariance?: number;
  /** Which fan divides the scale: `'fanIn'` (default, forward scale), `'fanOut'` (backward scale), `'fanAvg'`, `'fanGeoAvg'` (forward scale). */
  mode?: FanMode;
  /** `'truncatedNormal'` (default, cut at 2 sigma, variance-corrected), `'normal'` or `'uniform'`. */
  distribution?: Distribution;
  /** Integer seed (0 included): every `apply` with the same seed and shape returns the same weights. Unset: a fresh random seed per call. */
  seed?: number|null;
}

const ARG_KEYS = ['activation', 'alpha', 'targetVariance', 'mode', 'distribution', 'seed'];

/**
 * He-style initializer for any activation: Var[w] = scale / fan.
 *
 * @example
 * const init = new ActivationVarianceScaling({activation: 'gelu'});
 * init.scale // 2.351716... (= 1 / E[gelu(z)^2], z ~ N(0, 1))
 * tf.layers.dense({units: 256, activation: 'gelu', kernelInitializer: init});
 */
export class ActivationVarianceScaling extends InitializerBase {
  /** @nocollapse */
  static className = 'ActivationVarianceScaling';
  static readonly [PACKAGE_BRAND] = true;

  readonly activation: ActivationName;
  readonly alpha: number|null;
  readonly targetVariance: number;
  readonly mode: FanMode;
  readonly distribution: Distribution;
  readonly seed: number|null;
  /** s in Var[w] = s / fan: what a Keras or TF.js `VarianceScaling` would need as `scale`. */
  readonly scale: number;

  /** Builds an instance from a config (what TF.js calls when it deserializes; Serializable's default). */
  static fromConfig<T extends tf.serialization.Serializable>(
      cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    return new cls(config);
  }

  constructor(args?: ActivationVarianceScalingArgs) {
    super();
    const owner = (new.target as typeof ActivationVarianceScaling).className;
    const config = readConfig(owner, args, ARG_KEYS);
    const activation = config.activation === undefined ?
        'elu' :
        readChoice(owner, 'activation', config.activation, ACTIVATION_NAMES);
    const resolved = resolveActivation(owner, activation, config.alpha);
    this.activation = resolved.activation;
    this.alpha = resolved.alpha;
    this.targetVariance = config.targetVariance === undefined ?
        1 :
        checkPositiveFinite(owner, 'targetVariance', config.targetVariance);
    this.mode = config.mode === undefined ? 'fanIn' : readChoice(owner, 'mode', config.mode, FAN_MODES);
    this.distribution = config.distribution === undefined ?
        'truncatedNormal' :
        readChoice(owner, 'distribution', config.distribution, DISTRIBUTIONS);
    this.seed = readSeed(owner, config.seed);
    this.scale = scaleFor(
        this.activation, this.alpha, this.targetVariance, this.mode === 'fanOut' ? 'backward' : 'forward');
  }

  /**
   * The variance of the weights this initializer draws for `shape`: scale / fan.
   *
   * @example
   * new EluHeNormal().weightVariance([256, 256]) // 0.006056714...
   */
  weightVariance(shape: number[]): number {
    return this.scale / Math.max(1, fanFor(this.mode, checkShape(this.getClassName(), shape)));
  }

  /** Draws float32 weights of `shape` (all dimensions positive integers). */
  override apply(shape: number[], dtype?: tf.DataType): tf.Tensor {
    const owner = this.getClassName();
    if (dtype !== undefined && dtype !== 'float32') {
      throw new InvalidArgumentError(owner, 'dtype', dtype, '\'float32\' (or undefined)');
    }
    const values = drawWeights(this.weightVariance(shape), shape, this.distribution, this.seed ?? randomSeed());
    return tf.tensor(values, shape, 'float32');
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      activation: this.activation,
      alpha: this.alpha,
      targetVariance: this.targetVariance,
      mode: this.mode,
      distribution: this.distribution,
      seed: this.seed,
    };
  }
}
