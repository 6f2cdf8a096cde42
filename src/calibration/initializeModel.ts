/**
 * `initializeModel`: He initialization for a whole model, layer by layer, from
 * the activation that actually feeds each layer.
 *
 * Method: He et al.'s condition Var[y_l] = fan_in Var[w_l] E[x_l^2] ties layer
 * l's weights to the activation applied to its *input*. For every kernel layer
 * (Dense, Conv1D/2D/3D, DepthwiseConv2D with its true per-output fan kh * kw) in
 * topological order, the producer of its input is followed upstream through
 * shape-only layers (Flatten, Reshape, Dropout, SpatialDropout1D, Permute,
 * RepeatVector) to one of:
 * - the model's input: E[x^2] = `inputSecondMoment` (data statistics);
 * - a kernel layer: its fused activation (a TF.js name this package knows);
 * - an Activation, ELU (with its alpha), LeakyReLU (with its alpha) or ReLU layer.
 * The kernel then gets Var[w] = s / fan with s = q* / E[f(z)^2], z ~ N(0, q*)
 * (backward: 1 / E[f'(z)^2] for mode 'fanOut'), or q* / inputSecondMoment for
 * the first layer. Anything else (pooling, normalisation, merges such as Add,
 * nested models, custom layers, activations without known moments) stops the
 * walk: that layer keeps its weights and the plan says why. Nothing is guessed.
 * Separable and transposed convolutions are reported and left untouched too.
 *
 * With `criticalBiasStd`, weights and biases are set on the edge of chaos of
 * the feeding activation instead (see edgeOfChaos.ts): Var[w] = sigma_w^2 / fan_in,
 * biases ~ N(0, sigma_b^2).
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {checkOneOf, checkPositiveFinite, InvalidArgumentError} from '../errors.js';
import {ActivationName, ACTIVATION_NAMES} from '../math/activations.js';
import {scaleFor} from '../math/varianceScale.js';
import {isKernelLayer, kernelIndex} from '../diagnostics/layerStatistics.js';
import {Distribution, DISTRIBUTIONS, drawWeights} from '../initializers/ActivationVarianceScaling.js';
import {readSeed} from '../initializers/config.js';
import {computeFans, FAN_MODES, FanMode, fanFor} from '../initializers/fans.js';
import {randomSeed, Xoshiro128} from '../random/xoshiro128.js';
import {fillNormal} from '../random/normal.js';
import {edgeOfChaos} from './edgeOfChaos.js';
import {inboundNodes} from './graph.js';

/** Options of {@link initializeModel}. */
export interface InitializeModelOptions {
  /** E[x^2] of the data fed to the model (1 for standardized inputs). Default 1. */
  inputSecondMoment?: number;
  /** q*, the pre-activation variance every layer should have. Default 1. */
  targetVariance?: number;
  /** Default `'truncatedNormal'` (variance-corrected), or `'normal'`, `'uniform'`. */
  distribution?: Distribution;
  /** `'fanIn'` (default, forward scale), `'fanOut'` (backward scale), `'fanAvg'`, `'fanGeoAvg'`. */
  mode?: FanMode;
  /** Integer seed (0 included): layer i draws with seed * 1000003 + i. Unset: random. */
  seed?: number|null;
  /** Set biases to zero (default true); false leaves them as they are. */
  zeroBiases?: boolean;
  /** If set: edge-of-chaos weights for the feeding activation and biases ~ N(0, criticalBiasStd^2). */
  criticalBiasStd?: number;
}

/** One line of the plan {@link initializeModel} returns. */
export interface LayerPlan {
  /** Position in model.layers. */
  index: number;
  name: string;
  className: string;
  /** 'initialized' or 'untouched'. */
  action: 'initialized'|'untouched';
  /** The activation matched as this layer's input ('input' for the data), or null if none could be. */
  inputActivation: ActivationName|'input'|null;
  /** alpha of the matched ELU / leaky ReLU, else null. */
  alpha: number|null;
  /** The scale s (Var[w] = s / fan), or null when untouched. */
  scale: number|null;
  /** The weights' variance used, or null when untouched. */
  weightVariance: number|null;
  /** Why: where the activation came from, or why the layer was left alone. */
  reason: string;
}

/** Kernel layers whose effective fan this function does not derive yet: left untouched, with the reason. */
const UNSUPPORTED_KERNEL_LAYERS: Record<string, string> = {
  SeparableConv1D: 'separable convolutions have two kernels whose variances multiply; not handled yet',
  SeparableConv2D: 'separable convolutions have two kernels whose variances multiply; not handled yet',
  Conv2DTranspose: 'a transposed convolution\'s fan-in depends on its strides; not handled yet',
  Conv3DTranspose: 'a transposed convolution\'s fan-in depends on its strides; not handled yet',
};

/** Layers that only move or mask values: the activation statistics pass through them. */
const SHAPE_ONLY = ['Flatten', 'Reshape', 'Dropout', 'SpatialDropout1D', 'Permute', 'RepeatVector'];

/** TF.js activation class names with known moments, mapped to this package's names. */
function knownActivation(className: string): ActivationName|null {
  return (ACTIVATION_NAMES as readonly string[]).includes(className) ? className as ActivationName : null;
}

interface Feed {
  activation: ActivationName|'input'|null;
  alpha: number|null;
  reason: string;
}

type AnyLayer = tf.layers.Layer & {activation?: {getClassName(): string}|null, alpha?: number};

/** The single layer feeding `layer`'s (first) call, or an explanation why there is none. */
function producerOf(layer: tf.layers.Layer): tf.layers.Layer|string {
  const node = inboundNodes(layer)[0];
  if (node === undefined) return 'it has not been called on an input';
  if (node.inboundLayers.length !== 1) return `it has ${node.inboundLayers.length} inputs`;
  return node.inboundLayers[0];
}

/** Walks upstream from a kernel layer to what determines its input's second moment. */
function feedOf(layer: tf.layers.Layer): Feed {
  const path: string[] = [];
  let producer = producerOf(layer);
  for (;;) {
    if (typeof producer === 'string') return {activation: null, alpha: null, reason: `untouched: ${producer}`};
    const className = producer.getClassName();
    const via = path.length > 0 ? ` (through ${path.join(', ')})` : '';
    if (className === 'InputLayer') return {activation: 'input', alpha: null, reason: `fed by the model input${via}`};
    if (SHAPE_ONLY.includes(className)) {
      path.push(producer.name);
      producer = producerOf(producer);
      continue;
    }
    const p = producer as AnyLayer;
    let activationName: string|undefined;
    let alpha: number|null = null;
    if (isKernelLayer(producer) || className === 'Activation') {
      activationName = p.activation == null ? 'linear' : p.activation.getClassName();
    } else if (className === 'ELU') {
      activationName = 'elu';
      alpha = p.alpha ?? 1;
    } else if (className === 'LeakyReLU') {
      activationName = 'leakyRelu';
      alpha = p.alpha ?? 0.3;
    } else if (className === 'ReLU' && (p as unknown as {maxValue?: number}).maxValue == null) {
      activationName = 'relu';
    } else {
      return {activation: null, alpha: null, reason: `untouched: its input comes from ${className} '${producer.name}'${via}, whose output statistics this package cannot derive`};
    }
    const known = knownActivation(activationName);
    if (known === null) {
      return {activation: null, alpha: null, reason: `untouched: its input activation '${activationName}' (from '${producer.name}') has no known moments`};
    }
    if (known === 'elu' && alpha === null) alpha = 1; // TF.js's fused 'elu' has alpha 1
    return {activation: known, alpha, reason: `fed by ${known}${alpha !== null ? ` (alpha ${alpha})` : ''} from ${className} '${producer.name}'${via}`};
  }
}

/**
 * Re-initializes every kernel of a built model from the activation feeding it,
 * in place, and returns the plan. Layers it cannot reason about are left
 * untouched and reported.
 *
 * @example
 * const plan = initializeModel(model, {seed: 0});
 * plan[1] // {name: 'dense_2', inputActivation: 'elu', alpha: 1, scale: 1.5505..., action: 'initialized', ...}
 */
export function initializeModel(model: tf.LayersModel, options: InitializeModelOptions = {}): LayerPlan[] {
  const owner = 'initializeModel';
  if (!(model instanceof tf.LayersModel)) throw new InvalidArgumentError(owner, 'model', typeof model, 'a tf.LayersModel');
  const inputSecondMoment = options.inputSecondMoment === undefined ? 1 :
      checkPositiveFinite(owner, 'inputSecondMoment', options.inputSecondMoment);
  const targetVariance = options.targetVariance === undefined ? 1 :
      checkPositiveFinite(owner, 'targetVariance', options.targetVariance);
  const distribution = options.distribution === undefined ? 'truncatedNormal' :
      checkOneOf(owner, 'distribution', options.distribution, DISTRIBUTIONS);
  const mode = options.mode === undefined ? 'fanIn' : checkOneOf(owner, 'mode', options.mode, FAN_MODES);
  const seed = readSeed(owner, options.seed) ?? randomSeed();
  const criticalBiasStd = options.criticalBiasStd === undefined ? undefined :
      checkPositiveFinite(owner, 'criticalBiasStd', options.criticalBiasStd);

  const plan: LayerPlan[] = [];
  model.layers.forEach((layer, index) => {
    const className = layer.getClassName();
    if (!(isKernelLayer(layer) && kernelIndex(layer) >= 0)) {
      if (layer.weights.length > 0 && className !== 'InputLayer') {
        plan.push({index, name: layer.name, className, action: 'untouched', inputActivation: null, alpha: null,
          scale: null, weightVariance: null, reason: `untouched: ${className} is not a kernel layer this package initializes`});
      }
      return;
    }
    const feed = feedOf(layer);
    const base = {index, name: layer.name, className, inputActivation: feed.activation, alpha: feed.alpha};
    const unsupported = UNSUPPORTED_KERNEL_LAYERS[className];
    if (unsupported !== undefined) {
      plan.push({...base, action: 'untouched', scale: null, weightVariance: null, reason: `untouched: ${unsupported}`});
      return;
    }
    if (feed.activation === null) {
      plan.push({...base, action: 'untouched', scale: null, weightVariance: null, reason: feed.reason});
      return;
    }
    const weights = layer.getWeights();
    const k = kernelIndex(layer);
    const shape = weights[k].shape;
    let scale: number;
    let variance: number;
    let biasStd = 0;
    let reason = feed.reason;
    if (criticalBiasStd !== undefined) {
      biasStd = criticalBiasStd;
      const fanIn = className === 'DepthwiseConv2D' ? shape[0]! * shape[1]! : computeFans(shape)[0];
      if (feed.activation === 'input') {
        scale = targetVariance / inputSecondMoment;
      } else {
        const critical = edgeOfChaos(feed.activation, {biasStd: criticalBiasStd, alpha: feed.alpha});
        scale = critical.weightStd ** 2;
        reason += `; edge of chaos: sigma_w ${critical.weightStd.toFixed(4)}, q* ${critical.fixedPointVariance.toFixed(4)}`;
      }
      variance = scale / fanIn;
    } else {
      scale = feed.activation === 'input' ?
          targetVariance / inputSecondMoment :
          scaleFor(feed.activation, feed.alpha, targetVariance, mode === 'fanOut' ? 'backward' : 'forward');
      // A depthwise kernel [kh, kw, channels, multiplier] sums over kh * kw inputs per output
      // (TF.js's computeFans would count the channels too).
      variance = scale / (className === 'DepthwiseConv2D' ? shape[0]! * shape[1]! : fanFor(mode, shape));
    }
    const layerSeed = seed * 1000003 + index;
    const replaced = weights.map((w, i) => {
      if (i === k) return tf.tensor(drawWeights(variance, shape, distribution, layerSeed), shape, 'float32');
      const isBias = /bias/.test(layer.weights[i].originalName ?? layer.weights[i].name);
      if (isBias && criticalBiasStd !== undefined) {
        return tf.tensor(fillNormal(new Float32Array(w.size), new Xoshiro128(layerSeed + 500000), biasStd), w.shape, 'float32');
      }
      if (isBias && options.zeroBiases !== false) return tf.zerosLike(w);
      return w;
    });
    layer.setWeights(replaced);
    replaced.forEach((t, i) => {
      if (t !== weights[i]) t.dispose();
    });
    plan.push({...base, action: 'initialized', scale, weightVariance: variance, reason});
  });
  return plan;
}
