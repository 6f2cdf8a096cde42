import * as tf from '@tensorflow/tfjs';

import {layerStatistics, lsuv} from '../../src/index';
import {useBackend} from '../helpers/tf';
import {mixedMlp} from '../helpers/models';

beforeAll(async () => {
  await useBackend();
});

describe('lsuv', () => {
  test('reaches its tolerance at every layer on a fixed batch (chain model), no leaks', async () => {
    const model = mixedMlp(12, 64);
    const batch = tf.randomNormal([128, 64], 0, 1, 'float32', 5);
    const before = tf.memory().numTensors;
    const report = await lsuv(model, batch);
    expect(tf.memory().numTensors).toBe(before);
    expect(report).toHaveLength(12);
    for (const r of report) {
      expect(r.converged).toBe(true);
      expect(Math.abs(r.varianceAfter - 1)).toBeLessThanOrEqual(0.02);
    }
    // Independently measured after the fact, on the same batch: every layer at 1 +- 2%.
    const stats = await layerStatistics(model, batch);
    for (const s of stats) expect(Math.abs(s.preActivation.variance - 1)).toBeLessThanOrEqual(0.02 + 1e-6);
  });

  test('functional (non-chain) models, orthogonal start, custom target', async () => {
    const input = tf.input({shape: [16]});
    const a = tf.layers.dense({units: 16, activation: 'elu'}).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({units: 16, activation: 'tanh'}).apply(a) as tf.SymbolicTensor;
    const sum = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const out = tf.layers.dense({units: 4}).apply(sum) as tf.SymbolicTensor;
    const model = tf.model({inputs: input, outputs: out});
    const batch = tf.randomNormal([64, 16], 0, 1, 'float32', 6);
    const report = await lsuv(model, batch, {orthogonal: true, targetVariance: 2, tolerance: 0.01, seed: 1});
    expect(report.every((r) => r.converged && Math.abs(r.varianceAfter / 2 - 1) <= 0.01)).toBe(true);
  });

  test('bad arguments are named', async () => {
    const model = mixedMlp(2, 8);
    await expect(lsuv(model, tf.zeros([0, 8]))).rejects.toThrow(/lsuv: batch must be a batch of at least 2 examples; got "Tensor \[0,8\]"/);
    await expect(lsuv(model, tf.zeros([4, 5]))).rejects.toThrow(/lsuv: batch shape must be .*\[null,8\]; got \[4,5\]/);
    await expect(lsuv(model, tf.zeros([4, 8]), {tolerance: -0.1})).rejects.toThrow(/tolerance must be a finite number > 0; got -0.1/);
    await expect(lsuv(model, tf.zeros([4, 8]), {maxIterations: 0})).rejects.toThrow(/maxIterations must be an integer >= 1; got 0/);
  });
});
