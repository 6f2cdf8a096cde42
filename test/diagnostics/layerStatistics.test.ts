import * as tf from '@tensorflow/tfjs';

import {EluHeNormal, layerStatistics} from '../../src/index';
import {useBackend} from '../helpers/tf';

beforeAll(async () => {
  await useBackend();
});

/** Mean and population variance of a tensor, in double precision from its values. */
function moments(t: tf.Tensor): {mean: number, variance: number} {
  const v = t.dataSync();
  let s = 0;
  let s2 = 0;
  for (const x of v) {
    s += x;
    s2 += x * x;
  }
  const mean = s / v.length;
  return {mean, variance: s2 / v.length - mean * mean};
}

function mlp(): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({inputShape: [16], units: 32, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 1}), biasInitializer: 'ones'}),
      tf.layers.dense({units: 32, activation: 'relu', kernelInitializer: new EluHeNormal({seed: 2})}),
      tf.layers.dropout({rate: 0.5}),
      tf.layers.dense({units: 8, activation: 'tanh', kernelInitializer: new EluHeNormal({seed: 3})}),
    ],
  });
}

describe('layerStatistics', () => {
  test('exact pre-activation of fused Dense layers (ELU, ReLU are fused by TF.js), and their outputs', async () => {
    const model = mlp();
    const x = tf.randomNormal([50, 16], 0, 1, 'float32', 7);
    const stats = await layerStatistics(model, x);
    expect(stats.map((s) => [s.index, s.depth, s.className, s.activationName])).toEqual([
      [0, 1, 'Dense', 'elu'], [1, 2, 'Dense', 'relu'], [3, 3, 'Dense', 'tanh'],
    ]);
    // Independent computation: x W + b by hand, then the activation.
    let h: tf.Tensor = x;
    const activations = [tf.elu, tf.relu, tf.tanh];
    [0, 1, 3].forEach((layerIndex, i) => {
      const [w, b] = model.layers[layerIndex].getWeights();
      const pre = tf.add(tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D), b);
      const post = activations[i](pre);
      const expectedPre = moments(pre);
      const expectedPost = moments(post);
      expect(stats[i].preActivation.mean).toBeCloseTo(expectedPre.mean, 5);
      expect(stats[i].preActivation.variance).toBeCloseTo(expectedPre.variance, 5);
      expect(stats[i].preActivation.secondMoment).toBeCloseTo(expectedPre.variance + expectedPre.mean ** 2, 5);
      expect(stats[i].activation.mean).toBeCloseTo(expectedPost.mean, 5);
      expect(stats[i].activation.variance).toBeCloseTo(expectedPost.variance, 5);
      h = post;
    });
    // The first layer's bias is 1: its pre-activation mean shows it (an unfused pass really ran).
    expect(stats[0].preActivation.mean).toBeGreaterThan(0.5);
    // Post-ReLU values are never negative: mean of the activation > 0 while the pre-activation's is ~ 0 +- 1.
    expect(stats[1].activation.mean).toBeGreaterThan(0);
    // kernelScale: the sample variance of the kernel times its fan-in (~1.55 for EluHeNormal).
    expect(stats[0].kernelScale).toBeGreaterThan(1.0);
    expect(stats[0].kernelScale).toBeLessThan(2.2);
  });

  test('leaves no tensor behind and the model as it was (same fused outputs, same activations)', async () => {
    const model = mlp();
    const x = tf.randomNormal([20, 16], 0, 1, 'float32', 8);
    const before = (model.predict(x) as tf.Tensor).dataSync().slice();
    const activationsBefore = model.layers.map((l) => (l as unknown as {activation?: unknown}).activation);
    const count = tf.memory().numTensors;
    await layerStatistics(model, x);
    expect(tf.memory().numTensors).toBe(count);
    expect(model.layers.map((l) => (l as unknown as {activation?: unknown}).activation)).toEqual(activationsBefore);
    expect(Array.from((model.predict(x) as tf.Tensor).dataSync())).toEqual(Array.from(before));
  });

  test('functional models, conv layers and nested models', async () => {
    const input = tf.input({shape: [12, 12, 3]});
    const conv = tf.layers.conv2d({filters: 4, kernelSize: 3, activation: 'elu', name: 'conv'}).apply(input) as tf.SymbolicTensor;
    const depthwise = tf.layers.depthwiseConv2d({kernelSize: 3, activation: 'relu', name: 'dw'}).apply(conv) as tf.SymbolicTensor;
    const flat = tf.layers.flatten().apply(depthwise) as tf.SymbolicTensor;
    const inner = tf.sequential({name: 'inner', layers: [tf.layers.dense({inputShape: [256], units: 5, activation: 'selu', name: 'inner_dense'})]});
    const out = inner.apply(flat) as tf.SymbolicTensor;
    const model = tf.model({inputs: input, outputs: out});
    const stats = await layerStatistics(model, tf.randomNormal([4, 12, 12, 3], 0, 1, 'float32', 9));
    expect(stats.map((s) => [s.name, s.className, s.activationName])).toEqual([
      ['conv', 'Conv2D', 'elu'], ['dw', 'DepthwiseConv2D', 'relu'], ['inner_dense', 'Dense', 'selu'],
    ]);
    for (const s of stats) {
      expect(Number.isFinite(s.preActivation.variance) && s.preActivation.variance > 0).toBe(true);
    }
  });

  test('bad arguments are named', async () => {
    const model = mlp();
    await expect(layerStatistics(model, tf.zeros([5, 7]))).rejects.toThrow(/layerStatistics: input shape must be .*\[null,16\]; got \[5,7\]/);
    await expect(layerStatistics(model, tf.zeros([0, 16]))).rejects.toThrow(/input shape must be \[batch > 0/);
    await expect(layerStatistics({} as tf.LayersModel, tf.zeros([1, 16]))).rejects.toThrow(/model must be a tf.LayersModel/);
    const noKernel = tf.sequential({layers: [tf.layers.flatten({inputShape: [2, 2]})]});
    await expect(layerStatistics(noKernel, tf.zeros([1, 2, 2]))).rejects.toThrow(/model must be a model with at least one of Dense/);
  });
});
