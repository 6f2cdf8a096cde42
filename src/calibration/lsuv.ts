/**
 * `lsuv`: layer-sequential unit-variance calibration from data.
 *
 * Method (Mishkin and Matas, "All you need is a good init", ICLR 2016): for each
 * kernel layer in forward order, measure the variance of its pre-activation on
 * a batch and multiply its kernel by sqrt(targetVariance / variance), until the
 * variance is within `tolerance` (relative) of the target or `maxIterations`
 * is reached; optionally start each kernel from an orthogonal matrix
 * (`tf.initializers.orthogonal`) as the paper does. Measuring uses
 * `layerStatistics` (exact pre-activation through fused activations). When
 * the model is a chain (each layer fed by the one before it), each layer is
 * called on its cached input, and its last measured output becomes the next
 * layer's input: one layer call per measurement; other models are measured
 * with a full forward pass per measurement.
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {checkPositiveFinite, InvalidArgumentError} from '../errors.js';
import {checkInputShape, isKernelLayer, kernelIndex, layerStatistics, measureLayerCall} from '../diagnostics/layerStatistics.js';
import {inboundNodes} from './graph.js';
import {readSeed} from '../initializers/config.js';

/** Options of {@link lsuv}. */
export interface LsuvOptions {
  /** The pre-activation variance to reach. Default 1. */
  targetVariance?: number;
  /** Stop when |variance / targetVariance - 1| <= tolerance. Default 0.02. */
  tolerance?: number;
  /** Most rescalings per layer. Default 10. */
  maxIterations?: number;
  /** Start each kernel from an orthogonal matrix (gain 1), as in the paper. Default false. */
  orthogonal?: boolean;
  /** Seed of the orthogonal matrices (layer i: seed + i + 1). */
  seed?: number|null;
}

/** What {@link lsuv} did to one layer. */
export interface LsuvLayerResult {
  name: string;
  className: string;
  /** Pre-activation variance before any rescaling (after the orthogonal start, if asked). */
  varianceBefore: number;
  /** Pre-activation variance at the end. */
  varianceAfter: number;
  /** Rescalings applied. */
  iterations: number;
  /** Whether the tolerance was reached. */
  converged: boolean;
}

type KernelLayer = tf.layers.Layer;

/** Multiplies the layer's kernel by `factor` in place. */
function scaleKernel(layer: KernelLayer, factor: number): void {
  const weights = layer.getWeights();
  const k = kernelIndex(layer);
  const scaled = tf.mul(weights[k], factor);
  layer.setWeights(weights.map((w, i) => (i === k ? scaled : w)));
  scaled.dispose();
}

function setOrthogonal(layer: KernelLayer, seed: number): void {
  const weights = layer.getWeights();
  const k = kernelIndex(layer);
  const orthogonal = tf.tidy(() => tf.initializers.orthogonal({gain: 1, seed}).apply(weights[k].shape));
  layer.setWeights(weights.map((w, i) => (i === k ? orthogonal : w)));
  orthogonal.dispose();
}

/** True if every layer after the first is fed only by the layer before it. */
function isChain(model: tf.LayersModel): boolean {
  return model.inputs.length === 1 && model.layers.every((layer, i) => {
    const nodes = inboundNodes(layer);
    if (nodes.length !== 1 || nodes[0].inboundLayers.length !== 1) return false;
    const producer = nodes[0].inboundLayers[0];
    return i === 0 ? producer.getClassName() === 'InputLayer' : producer === model.layers[i - 1];
  });
}

/**
 * Rescales every kernel layer's weights, in order, until its pre-activation
 * variance on `batch` is `targetVariance`; returns what it did per layer.
 *
 * @example
 * const report = await lsuv(model, tf.randomNormal([256, 784]));
 * report[0] // {name: 'dense_1', varianceBefore: 2.1, varianceAfter: 1.004, iterations: 2, converged: true}
 */
export async function lsuv(model: tf.LayersModel, batch: tf.Tensor, options: LsuvOptions = {}): Promise<LsuvLayerResult[]> {
  const owner = 'lsuv';
  if (!(model instanceof tf.LayersModel)) throw new InvalidArgumentError(owner, 'model', typeof model, 'a tf.LayersModel');
  if (!(batch instanceof tf.Tensor)) throw new InvalidArgumentError(owner, 'batch', typeof batch, 'a tf.Tensor');
  if (batch.shape[0] === undefined || batch.shape[0] < 2) {
    throw new InvalidArgumentError(owner, 'batch', `Tensor ${JSON.stringify(batch.shape)}`, 'a batch of at least 2 examples');
  }
  const targetVariance = options.targetVariance === undefined ? 1 :
      checkPositiveFinite(owner, 'targetVariance', options.targetVariance);
  const tolerance = options.tolerance === undefined ? 0.02 : checkPositiveFinite(owner, 'tolerance', options.tolerance);
  const maxIterations = options.maxIterations === undefined ? 10 : options.maxIterations;
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidArgumentError(owner, 'maxIterations', maxIterations, 'an integer >= 1');
  }
  const seed = readSeed(owner, options.seed) ?? 0;
  if (model.inputs.length !== 1) {
    throw new InvalidArgumentError(owner, 'model', model.name, 'a model with a single input');
  }
  checkInputShape(owner, 'batch shape', model, batch);
  const layers = model.layers.filter((l) => isKernelLayer(l) && kernelIndex(l) >= 0);
  if (layers.length === 0) throw new InvalidArgumentError(owner, 'model', model.name, 'a model with kernel layers');

  const chain = isChain(model);
  const results: LsuvLayerResult[] = [];
  let input: tf.Tensor = batch; // the current layer's input (chain models)
  for (const [position, layer] of model.layers.entries()) {
    let output: tf.Tensor|null = null; // chain models: this layer's output, from its last measurement
    if (layers.includes(layer)) {
      if (options.orthogonal) setOrthogonal(layer, seed + position + 1);
      const measure = async () => {
        if (!chain) return (await layerStatistics(model, batch, {filter: (l) => l === layer}))[0].preActivation.variance;
        const call = await measureLayerCall(layer, input);
        output?.dispose();
        output = call.output;
        return call.preActivation.variance;
      };
      let variance = await measure();
      const varianceBefore = variance;
      let iterations = 0;
      while (Math.abs(variance / targetVariance - 1) > tolerance && iterations < maxIterations) {
        if (!(variance > 0) || !Number.isFinite(variance)) break;
        scaleKernel(layer, Math.sqrt(targetVariance / variance));
        iterations++;
        variance = await measure();
      }
      results.push({
        name: layer.name, className: layer.getClassName(), varianceBefore, varianceAfter: variance, iterations,
        converged: Math.abs(variance / targetVariance - 1) <= tolerance,
      });
    }
    if (chain) {
      const next: tf.Tensor = output ?? tf.tidy(() => layer.apply(input, {training: false}) as tf.Tensor);
      if (input !== batch) input.dispose();
      input = next;
    }
  }
  if (input !== batch) input.dispose();
  return results;
}
