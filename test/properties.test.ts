import * as fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';

import {ACTIVATION_NAMES, ActivationVarianceScaling, DISTRIBUTIONS, FAN_MODES} from '../src/index';
import {KURTOSIS, sampleMoments, varianceTolerance} from './helpers/stats';
import {takeValues, useBackend} from './helpers/tf';

beforeAll(async () => {
  await useBackend();
});

// Fixed fast-check seed: a failure is reproducible, and the 6-SE variance check
// is not re-rolled on every run.
const RUN = {seed: 20261204, numRuns: 60};

const configArb = fc.constantFrom(...ACTIVATION_NAMES).chain((activation) => fc.record({
  activation: fc.constant(activation),
  alpha: activation === 'elu' || activation === 'leakyRelu' ?
      fc.option(fc.double({min: 0.01, max: 5, noNaN: true}), {nil: undefined}) :
      fc.constant(undefined),
  targetVariance: fc.option(fc.double({min: 1e-3, max: 100, noNaN: true}), {nil: undefined}),
  mode: fc.option(fc.constantFrom(...FAN_MODES), {nil: undefined}),
  distribution: fc.option(fc.constantFrom(...DISTRIBUTIONS), {nil: undefined}),
  seed: fc.option(fc.integer({min: -(2 ** 40), max: 2 ** 40}), {nil: null}),
}, {requiredKeys: ['activation']}));

// Dense, conv1d, conv2d and conv3d kernels of at least 2048 weights (so the variance check is meaningful).
const shapeArb = fc.oneof(
    fc.tuple(fc.integer({min: 32, max: 256}), fc.integer({min: 64, max: 256})),
    fc.tuple(fc.integer({min: 1, max: 5}), fc.integer({min: 16, max: 64}), fc.integer({min: 32, max: 64})),
    fc.tuple(fc.integer({min: 1, max: 5}), fc.integer({min: 1, max: 5}), fc.integer({min: 16, max: 32}), fc.integer({min: 16, max: 64})),
    fc.tuple(fc.integer({min: 1, max: 3}), fc.integer({min: 1, max: 3}), fc.integer({min: 2, max: 3}), fc.integer({min: 16, max: 32}), fc.integer({min: 16, max: 32})),
).map((shape) => shape as number[]).filter((shape) => shape.reduce((a, b) => a * b, 1) >= 2048);

describe('properties over random valid configs and shapes', () => {
  test('getConfig -> fromConfig -> getConfig is the identity', () => {
    fc.assert(fc.property(configArb, (args) => {
      const config = new ActivationVarianceScaling(args).getConfig();
      const rebuilt = ActivationVarianceScaling.fromConfig(ActivationVarianceScaling, {...config});
      expect(rebuilt.getConfig()).toEqual(config);
    }), {...RUN, numRuns: 300});
  });

  test('weights are finite and their sample variance matches scale / fan (z = 6)', () => {
    fc.assert(fc.property(configArb, shapeArb, (args, shape) => {
      const init = new ActivationVarianceScaling(args);
      const before = tf.memory().numTensors;
      const m = sampleMoments(takeValues(init.apply(shape)));
      expect(tf.memory().numTensors).toBe(before);
      expect(m.finite).toBe(true);
      const variance = init.weightVariance(shape);
      expect(Number.isFinite(variance) && variance > 0).toBe(true);
      // SE of the mean of squares: sqrt((mu4 - sigma^4) / n).
      expect(Math.abs(m.meanSquare - variance)).toBeLessThan(varianceTolerance(variance, KURTOSIS[init.distribution], m.n));
    }), RUN);
  });
});
