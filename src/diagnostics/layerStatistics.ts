/**
 * Per-layer activation statistics of a TF.js model on a batch: the measurement
 * behind "the variance stays stable through 100 layers", usable on any model.
 *
 * Method: for one forward pass, every layer with a kernel and a fused
 * activation (Dense, Conv1D/2D/3D, Conv2DTranspose, Conv3D, DepthwiseConv2D,
 * SeparableConv1D/2D, in nested models too) has its `activation` swapped for a
 * probe that records the tensor it receives (the exact pre-activation: bias
 * added, nothing applied), applies the original activation, and records that
 * (the layer's output). The probe's class name is not one TF.js fuses into
 * its matMul/conv kernels, so the layer takes its unfused path and the probe
 * sees the true pre-activation. The original activations are restored before
 * returning, also on error. Statistics are over all batch elements and units.
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {InvalidArgumentError} from '../errors.js';
import {computeFans} from '../initializers/fans.js';

/** Mean, variance and second moment of a tensor's elements. */
export interface TensorMoments {
  /** Mean over all batch elements and units. */
  mean: number;
  /** Population variance over all batch elements and units. */
  variance: number;
  /** Mean of squares (He et al.'s E[x^2]): variance + mean^2. */
  secondMoment: number;
}

/** What {@link layerStatistics} reports for one layer. */
export interface LayerStatistics {
  /** Position of the layer in `model.layers` (for a layer of a nested model: of the nested model). */
  index: number;
  /** 1-based depth among the reported (kernel) layers, in forward order. */
  depth: number;
  /** The layer's name. */
  name: string;
  /** The layer's class name, e.g. 'Dense'. */
  className: string;
  /** Class name of the fused activation, e.g. 'elu', 'linear'. */
  activationName: string;
  /** Statistics of the layer's output before its fused activation. */
  preActivation: TensorMoments;
  /** Statistics of the layer's output after its fused activation (its actual output). */
  activation: TensorMoments;
  /** Sample variance of the kernel's entries, times the kernel's fan-in (TF.js fans): the `scale` it was drawn with. */
  kernelScale: number;
}

/** Options of {@link layerStatistics}. */
export interface LayerStatisticsOptions {
  /** Only report layers for which this returns true (all kernel layers by default). */
  filter?: (layer: tf.layers.Layer) => boolean;
}

/** The layer classes whose kernels and fused activations are measured. */
export const KERNEL_LAYER_CLASSES = [
  'Dense', 'Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose', 'Conv3DTranspose', 'DepthwiseConv2D',
  'SeparableConv1D', 'SeparableConv2D',
] as const;

interface ActivationLike {
  apply(x: tf.Tensor, axis?: number): tf.Tensor;
  getClassName(): string;
}

type KernelLayer = tf.layers.Layer & {activation: ActivationLike|null};

interface Probe {
  layer: KernelLayer;
  index: number;
  original: ActivationLike|null;
  /** Per call of the layer: [mean, mean of squares] tensors and the element count. */
  pre: Recorded[];
  post: Recorded[];
}

interface Recorded {
  moments: tf.Tensor;
  size: number;
}

/** True for the layer classes in {@link KERNEL_LAYER_CLASSES} (they all carry a fused activation). */
export function isKernelLayer(layer: tf.layers.Layer): layer is KernelLayer {
  return (KERNEL_LAYER_CLASSES as readonly string[]).includes(layer.getClassName()) && 'activation' in layer;
}

/** Index of the layer's (first) kernel in `layer.weights`, or -1 (e.g. before the layer is built). */
export function kernelIndex(layer: tf.layers.Layer): number {
  return layer.weights.findIndex((w) => /kernel/.test(w.originalName ?? w.name));
}

/**
 * Throws unless `tensor` fits the model's input `index`: same rank, batch > 0,
 * every defined dimension equal. `parameter` names the argument in the message.
 */
export function checkInputShape(
    owner: string, parameter: string, model: tf.LayersModel, tensor: tf.Tensor, index = 0): void {
  const expected = model.inputs[index].shape;
  const fits = tensor.shape.length === expected.length && tensor.shape[0] > 0 &&
      expected.every((d, k) => d === null || d === tensor.shape[k]);
  if (!fits) {
    throw new InvalidArgumentError(
        owner, parameter, tensor.shape, `[batch > 0, ...] matching the model's input shape ${JSON.stringify(expected)}`);
  }
}

/** Kernel layers in forward order, descending into nested models. */
function kernelLayers(model: tf.LayersModel, filter: (layer: tf.layers.Layer) => boolean): Array<[KernelLayer, number]> {
  const found: Array<[KernelLayer, number]> = [];
  model.layers.forEach((layer, index) => {
    if (layer instanceof tf.LayersModel) {
      for (const [inner] of kernelLayers(layer, filter)) found.push([inner, index]);
    } else if (isKernelLayer(layer) && filter(layer)) {
      found.push([layer, index]);
    }
  });
  return found;
}

/** [mean, mean of squares] of x, kept past the surrounding tidy. */
function record(x: tf.Tensor): Recorded {
  const moments = tf.keep(tf.tidy(() => {
    const flat = x.reshape([-1]).toFloat();
    return tf.stack([flat.mean(), flat.square().mean()]);
  }));
  return {moments, size: x.size};
}

/** Combines the calls' [mean, mean of squares], weighted by element count. */
async function readMoments(calls: Recorded[]): Promise<TensorMoments> {
  let total = 0;
  let sum = 0;
  let sumSquares = 0;
  for (const {moments, size} of calls) {
    const [mean, meanSquare] = await moments.data();
    sum += mean * size;
    sumSquares += meanSquare * size;
    total += size;
  }
  const mean = sum / total;
  const secondMoment = sumSquares / total;
  return {mean, variance: Math.max(0, secondMoment - mean * mean), secondMoment};
}

/**
 * Sample variance of the (first) kernel times its TF.js fan-in. Summed in JS
 * in double precision: TF.js's cpu reductions are ~100x slower on large kernels.
 */
async function kernelScale(layer: KernelLayer): Promise<number> {
  const index = kernelIndex(layer);
  if (index < 0) return NaN;
  const kernel = layer.getWeights()[index];
  const values = await kernel.data();
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    sumSquares += values[i] * values[i];
  }
  const mean = sum / values.length;
  return (sumSquares / values.length - mean * mean) * computeFans(kernel.shape)[0];
}

/**
 * Installs a recording probe as the activation of each layer, runs `run` inside
 * tf.tidy, restores the original activations (also on error) and returns the
 * probes with their recorded moments (the caller disposes them).
 */
function runWithProbes(layers: Array<[KernelLayer, number]>, run: () => void): Probe[] {
  const probes: Probe[] = layers.map(([layer, index]) => ({layer, index, original: layer.activation, pre: [], post: []}));
  try {
    for (const probe of probes) {
      const original = probe.original;
      probe.layer.activation = {
        getClassName: () => 'LayerStatisticsProbe', // not fusable: forces the unfused path
        apply: (x: tf.Tensor, axis?: number) => {
          probe.pre.push(record(x));
          const y = original === null ? x : original.apply(x, axis);
          probe.post.push(record(y));
          return y;
        },
      };
    }
    tf.tidy(run);
  } finally {
    for (const probe of probes) probe.layer.activation = probe.original;
  }
  return probes;
}

/**
 * Statistics of one kernel layer called on a concrete input tensor (no graph
 * change), and the layer's output (the caller disposes it): what lsuv
 * measures on chain models.
 */
export async function measureLayerCall(layer: tf.layers.Layer, input: tf.Tensor):
    Promise<{preActivation: TensorMoments, activation: TensorMoments, output: tf.Tensor}> {
  if (!isKernelLayer(layer)) {
    throw new InvalidArgumentError('measureLayerCall', 'layer', layer.getClassName(), `one of ${KERNEL_LAYER_CLASSES.join(', ')}`);
  }
  let output: tf.Tensor|undefined;
  const [probe] = runWithProbes([[layer, 0]], () => {
    output = tf.keep(layer.apply(input, {training: false}) as tf.Tensor);
  });
  try {
    return {preActivation: await readMoments(probe.pre), activation: await readMoments(probe.post), output: output!};
  } finally {
    tf.dispose([...probe.pre, ...probe.post].map((r) => r.moments));
  }
}

/**
 * Runs `input` through `model` once and returns, for every layer with a kernel
 * (in forward order), the mean and variance of its output before and after its
 * fused activation. Leaves no tensors behind and the model unchanged.
 *
 * @param model - A built `tf.LayersModel` (sequential or functional).
 * @param input - A batch for the model's input(s).
 * @throws InvalidArgumentError if the model has no kernel layer or the input does not fit.
 *
 * @example
 * const stats = await layerStatistics(model, tf.randomNormal([512, 256]));
 * stats[99].preActivation.variance // 1.02 for a 100-layer ELU MLP with EluHeNormal
 */
export async function layerStatistics(
    model: tf.LayersModel, input: tf.Tensor|tf.Tensor[],
    options: LayerStatisticsOptions = {}): Promise<LayerStatistics[]> {
  const owner = 'layerStatistics';
  if (!(model instanceof tf.LayersModel)) {
    throw new InvalidArgumentError(owner, 'model', typeof model, 'a tf.LayersModel');
  }
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length !== model.inputs.length || inputs.some((t) => !(t instanceof tf.Tensor))) {
    throw new InvalidArgumentError(
        owner, 'input', inputs.map((t) => (t instanceof tf.Tensor ? `Tensor ${JSON.stringify(t.shape)}` : t)),
        `${model.inputs.length} tensor(s) for the model's input(s)`);
  }
  inputs.forEach((t, i) => checkInputShape(owner, 'input shape', model, t, i));
  const layers = kernelLayers(model, options.filter ?? (() => true));
  if (layers.length === 0) {
    throw new InvalidArgumentError(owner, 'model', model.name, `a model with at least one of ${KERNEL_LAYER_CLASSES.join(', ')}`);
  }

  const probes = runWithProbes(layers, () => {
    model.apply(inputs.length === 1 ? inputs[0] : inputs, {training: false});
  });
  try {
    const results: LayerStatistics[] = [];
    for (let i = 0; i < probes.length; i++) {
      const {layer, index, original, pre, post} = probes[i];
      // A shared layer is measured over all its calls.
      results.push({
        index,
        depth: i + 1,
        name: layer.name,
        className: layer.getClassName(),
        activationName: original === null ? 'linear' : original.getClassName(),
        preActivation: await readMoments(pre),
        activation: await readMoments(post),
        kernelScale: await kernelScale(layer),
      });
    }
    return results;
  } finally {
    for (const probe of probes) tf.dispose([...probe.pre, ...probe.post].map((r) => r.moments));
  }
}
