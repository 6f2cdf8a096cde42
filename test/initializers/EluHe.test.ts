import * as tf from '@tensorflow/tfjs';

import {ActivationVarianceScaling} from '../../src/initializers/ActivationVarianceScaling';
import {EluHeNormal, EluHeUniform} from '../../src/initializers/EluHe';
import {KURTOSIS, sampleMoments, varianceTolerance} from '../helpers/stats';
import {takeValues, useBackend} from '../helpers/tf';

beforeAll(async () => {
  await useBackend();
});

describe('EluHeNormal / EluHeUniform', () => {
  test('are ActivationVarianceScaling for ELU with truncated normal / uniform', () => {
    const normal = new EluHeNormal({alpha: 0.5, targetVariance: 2, mode: 'fanAvg', seed: 3});
    const generic = new ActivationVarianceScaling(
        {activation: 'elu', alpha: 0.5, targetVariance: 2, mode: 'fanAvg', distribution: 'truncatedNormal', seed: 3});
    expect(normal).toBeInstanceOf(ActivationVarianceScaling);
    expect(normal.scale).toBe(generic.scale);
    expect(Array.from(takeValues(normal.apply([20, 30])))).toEqual(Array.from(takeValues(generic.apply([20, 30]))));
    expect(new EluHeUniform().distribution).toBe('uniform');
  });

  test('configs carry only their own keys', () => {
    expect(new EluHeNormal().getConfig()).toEqual({alpha: 1, targetVariance: 1, mode: 'fanIn', seed: null});
    expect(new EluHeUniform({seed: 0}).getConfig()).toEqual({alpha: 1, targetVariance: 1, mode: 'fanIn', seed: 0});
    expect(new EluHeNormal().getClassName()).toBe('EluHeNormal');
    expect(new EluHeUniform().getClassName()).toBe('EluHeUniform');
  });

  test('scale 1.5505188 at q* = 1: the sample variance of a 512x512 kernel is 1.5505188/512 (z = 6)', () => {
    for (const [Init, kurtosis] of [[EluHeNormal, KURTOSIS.truncatedNormal], [EluHeUniform, KURTOSIS.uniform]] as const) {
      const m = sampleMoments(takeValues(new Init({seed: 11}).apply([512, 512])));
      const variance = 1.5505188080679 / 512;
      expect(Math.abs(m.meanSquare - variance)).toBeLessThan(varianceTolerance(variance, kurtosis, m.n));
    }
  });

  test('errors name the class and refuse the keys it does not have', () => {
    expect(() => new EluHeNormal({alpha: -1})).toThrow(/^EluHeNormal: alpha must be a finite number > 0; got -1\.$/);
    expect(() => new EluHeUniform({activation: 'relu'} as never))
        .toThrow(/EluHeUniform: unknown config key "activation"; valid keys: alpha, targetVariance, mode, seed\./);
    expect(() => new EluHeNormal({distribution: 'uniform'} as never)).toThrow(/unknown config key "distribution"/);
  });

  test('work as a kernelInitializer, and leave no tensor behind', () => {
    const before = tf.memory().numTensors;
    const model = tf.sequential({
      layers: [
        tf.layers.dense({inputShape: [8], units: 16, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 1})}),
        tf.layers.dense({units: 4, kernelInitializer: new EluHeUniform({seed: 2})}),
      ],
    });
    const kernel = model.layers[0].getWeights()[0];
    expect(Array.from(kernel.dataSync())).toEqual(Array.from(takeValues(new EluHeNormal({seed: 1}).apply([8, 16]))));
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
