import * as tf from '@tensorflow/tfjs';

import {initializeModel, layerStatistics, varianceScale} from '../../src/index';
import {mixedMlp} from '../helpers/models';
import {useBackend} from '../helpers/tf';

beforeAll(async () => {
  await useBackend();
});

function standardized(batch: number, width: number, seed: number): tf.Tensor2D {
  return tf.randomNormal([batch, width], 0, 1, 'float32', seed);
}

describe('initializeModel', () => {
  test('a mixed ELU/tanh/GELU/linear MLP of depth 30 keeps its variance within [0.5, 2] (3 seeds)', async () => {
    for (const seed of [1, 2, 3]) {
      const model = mixedMlp(30, 128);
      const before = tf.memory().numTensors;
      initializeModel(model, {seed});
      expect(tf.memory().numTensors).toBe(before);
      const x = standardized(64, 128, seed + 10);
      const stats = await layerStatistics(model, x);
      for (const s of stats) {
        expect(s.preActivation.variance).toBeGreaterThan(0.5);
        expect(s.preActivation.variance).toBeLessThan(2);
      }
      x.dispose();
      model.dispose();
    }
  });

  test('the same model with TF.js\'s default initializer drifts out of the band (so the test above can fail)', async () => {
    const model = mixedMlp(30, 128);
    const x = standardized(64, 128, 11);
    const stats = await layerStatistics(model, x);
    expect(stats.some((s) => s.preActivation.variance < 0.5 || s.preActivation.variance > 2)).toBe(true);
    x.dispose();
    model.dispose();
  });

  test('the plan names the matched activation and scale of every layer', () => {
    const model = mixedMlp(6, 16);
    const plan = initializeModel(model, {seed: 0});
    expect(plan.map((p) => p.inputActivation)).toEqual(['input', 'elu', 'tanh', 'gelu', 'linear', 'elu']);
    expect(plan.every((p) => p.action === 'initialized')).toBe(true);
    expect(plan[0].scale).toBe(1);
    expect(plan[1].scale).toBe(varianceScale('elu'));
    expect(plan[2].scale).toBe(varianceScale('tanh'));
    expect(plan[1].reason).toMatch(/fed by elu \(alpha 1\) from Dense/);
    // Biases zeroed, kernels reproducible from the seed and distinct per layer.
    const k1 = Array.from(model.layers[1].getWeights()[0].dataSync());
    const k5 = Array.from(model.layers[5].getWeights()[0].dataSync());
    expect(k1).not.toEqual(k5);
    expect(model.layers[1].getWeights()[1].dataSync().every((b) => b === 0)).toBe(true);
    const again = mixedMlp(6, 16);
    initializeModel(again, {seed: 0});
    expect(Array.from(again.layers[1].getWeights()[0].dataSync())).toEqual(k1);
  });

  test('functional models: standalone ELU / LeakyReLU / Activation layers and shape-only layers are followed', () => {
    const input = tf.input({shape: [6, 6, 2]});
    let x = tf.layers.conv2d({filters: 4, kernelSize: 3, name: 'conv'}).apply(input) as tf.SymbolicTensor;
    x = tf.layers.elu({name: 'elu_layer'}).apply(x) as tf.SymbolicTensor; // TF.js 4.22's ELU layer supports only alpha 1
    x = tf.layers.flatten({name: 'flat'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dropout({rate: 0.1, name: 'drop'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({units: 8, name: 'd1'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.leakyReLU({alpha: 0.2, name: 'leaky'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.dense({units: 8, name: 'd2'}).apply(x) as tf.SymbolicTensor;
    x = tf.layers.activation({activation: 'swish', name: 'act'}).apply(x) as tf.SymbolicTensor;
    const out = tf.layers.dense({units: 2, name: 'd3'}).apply(x) as tf.SymbolicTensor;
    const plan = initializeModel(tf.model({inputs: input, outputs: out}), {seed: 3, inputSecondMoment: 4});
    expect(plan.map((p) => [p.name, p.inputActivation, p.alpha])).toEqual([
      ['conv', 'input', null], ['d1', 'elu', 1], ['d2', 'leakyRelu', 0.2], ['d3', 'swish', null],
    ]);
    expect(plan[0].scale).toBe(0.25); // q* / E[x^2] = 1 / 4
    expect(plan[1].reason).toMatch(/through flat, drop|through drop, flat/);
    expect(plan[2].scale).toBe(varianceScale('leakyRelu', {alpha: 0.2}));
  });

  test('conv and depthwise layers get their true fan (variance 1 after them); separable convs are reported', async () => {
    const input = tf.input({shape: [16, 16, 8]});
    const a = tf.layers.conv2d({filters: 32, kernelSize: 3, padding: 'same', activation: 'elu', name: 'c'}).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.depthwiseConv2d({kernelSize: 3, padding: 'same', depthMultiplier: 2, activation: 'elu', name: 'dw'}).apply(a) as tf.SymbolicTensor;
    const c = tf.layers.separableConv2d({filters: 4, kernelSize: 3, padding: 'same', name: 'sep'}).apply(b) as tf.SymbolicTensor;
    const model = tf.model({inputs: input, outputs: c});
    const plan = initializeModel(model, {seed: 2});
    expect(plan.map((p) => [p.name, p.action])).toEqual([['c', 'initialized'], ['dw', 'initialized'], ['sep', 'untouched']]);
    expect(plan[1].weightVariance).toBeCloseTo(varianceScale('elu') / 9, 12);
    const stats = await layerStatistics(model, tf.randomNormal([8, 16, 16, 8], 0, 1, 'float32', 3), {filter: (l) => l.name !== 'sep'});
    // Zero padding at the borders lowers the variance a little: 1 within 25%.
    for (const s of stats) expect(Math.abs(s.preActivation.variance - 1)).toBeLessThan(0.25);
  });

  test('a layer it cannot reason about is reported and left untouched, the rest initialized', () => {
    class Doubler extends tf.layers.Layer {
      static className = 'Doubler';
      override call(inputs: tf.Tensor|tf.Tensor[]): tf.Tensor {
        return tf.mul(Array.isArray(inputs) ? inputs[0] : inputs, 2);
      }
    }
    tf.serialization.registerClass(Doubler);
    const model = tf.sequential({layers: [
      tf.layers.dense({inputShape: [4], units: 4, activation: 'relu6'}),
      tf.layers.dense({units: 4, activation: 'elu'}),
      new Doubler({}),
      tf.layers.dense({units: 4}),
    ]});
    const kernelBefore = Array.from(model.layers[3].getWeights()[0].dataSync());
    const plan = initializeModel(model, {seed: 1});
    expect(plan.map((p) => [p.name, p.action])).toEqual([
      [model.layers[0].name, 'initialized'], [model.layers[1].name, 'untouched'], [model.layers[3].name, 'untouched'],
    ]);
    expect(plan[1].reason).toMatch(/input activation 'relu6' .* has no known moments/);
    expect(plan[2].reason).toMatch(/its input comes from Doubler/);
    expect(Array.from(model.layers[3].getWeights()[0].dataSync())).toEqual(kernelBefore);
    // The model still runs.
    const y = model.predict(tf.ones([2, 4])) as tf.Tensor;
    expect(y.shape).toEqual([2, 4]);
  });

  test('criticalBiasStd: edge-of-chaos weights and N(0, sigma_b^2) biases', () => {
    const model = mixedMlp(2, 256);
    const plan = initializeModel(model, {seed: 4, criticalBiasStd: 0.2});
    expect(plan[1].scale).toBeCloseTo(1.2293 ** 2, 3); // ELU, biasStd 0.2: sigma_w 1.2293
    const bias = model.layers[1].getWeights()[1].dataSync();
    let s2 = 0;
    for (const b of bias) s2 += b * b;
    // SE of the mean of squares of n = 256 normals: sigma^2 sqrt(2/n); z = 6.
    expect(Math.abs(s2 / bias.length - 0.04)).toBeLessThan(6 * 0.04 * Math.sqrt(2 / 256));
  });

  test('bad options are named', () => {
    const model = mixedMlp(2, 4);
    expect(() => initializeModel(model, {targetVariance: 0})).toThrow(/initializeModel: targetVariance must be a finite number > 0; got 0/);
    expect(() => initializeModel(model, {inputSecondMoment: -1})).toThrow(/inputSecondMoment must be a finite number > 0; got -1/);
    expect(() => initializeModel(model, {mode: 'fanSum' as 'fanIn'})).toThrow(/mode must be one of/);
    expect(() => initializeModel(model, {seed: 0.5})).toThrow(/seed must be an integer/);
    expect(() => initializeModel({} as tf.LayersModel)).toThrow(/model must be a tf.LayersModel/);
  });
});
