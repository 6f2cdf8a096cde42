/**
 * `EluHeNormal` and `EluHeUniform`: He initialization for ELU networks.
 *
 * Method: Var[w] = s / fan_in with s = q* / E[elu(z)^2], z ~ N(0, q*); at q* = 1
 * and alpha = 1, s = 1 / 0.6449454 = 1.5505188 (He's 2 is for ReLU). Because
 * E[elu(z)^2] / q falls from 1 to 1/2 as q grows, q* is a stable fixed point of
 * the layer-to-layer variance map: deep ELU networks pull their variance back.
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {ActivationVarianceScaling, Distribution} from './ActivationVarianceScaling.js';
import {readConfig} from './config.js';
import {FanMode} from './fans.js';

/** Arguments of {@link EluHeNormal} and {@link EluHeUniform}; every field is optional. */
export interface EluHeArgs {
  /** ELU's alpha, as in `tf.layers.elu({alpha})`. Default 1. */
  alpha?: number|null;
  /** q*, the pre-activation variance to keep from layer to layer. Default 1. */
  targetVariance?: number;
  /** `'fanIn'` (default, forward scale), `'fanOut'` (backward scale), `'fanAvg'`, `'fanGeoAvg'`. */
  mode?: FanMode;
  /** Integer seed (0 included): same seed and shape, same weights. Unset: a fresh random seed per call. */
  seed?: number|null;
}

const ELU_HE_KEYS = ['alpha', 'targetVariance', 'mode', 'seed'];

/** What EluHeNormal and EluHeUniform share: ELU fixed, the distribution fixed per class, a four-key config. */
abstract class EluHe extends ActivationVarianceScaling {
  protected constructor(owner: string, args: EluHeArgs|undefined, distribution: Distribution) {
    super({...readConfig(owner, args, ELU_HE_KEYS), activation: 'elu', distribution});
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {alpha: this.alpha, targetVariance: this.targetVariance, mode: this.mode, seed: this.seed};
  }
}

/**
 * ELU-He initializer, truncated normal (cut at 2 sigma, variance-corrected).
 *
 * @example
 * tf.layers.dense({units: 256, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 0})});
 * new EluHeNormal().scale // 1.550518808067927
 */
export class EluHeNormal extends EluHe {
  /** @nocollapse */
  static override className = 'EluHeNormal';

  constructor(args?: EluHeArgs) {
    super('EluHeNormal', args, 'truncatedNormal');
  }
}

/**
 * ELU-He initializer, uniform on (-sqrt(3 s / fan), sqrt(3 s / fan)).
 *
 * @example
 * tf.layers.conv2d({filters: 32, kernelSize: 3, activation: 'elu', kernelInitializer: new EluHeUniform()});
 */
export class EluHeUniform extends EluHe {
  /** @nocollapse */
  static override className = 'EluHeUniform';

  constructor(args?: EluHeArgs) {
    super('EluHeUniform', args, 'uniform');
  }
}
