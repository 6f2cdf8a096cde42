import * as tf from '@tensorflow/tfjs';

import {ActivationVarianceScaling, DISTRIBUTIONS, TRUNCATED_NORMAL_STDDEV} from '../../src/initializers/ActivationVarianceScaling';
import {FAN_MODES, fanFor} from '../../src/initializers/fans';
import {varianceScale} from '../../src/math/varianceScale';
import '../../src/register';
import {KURTOSIS, meanTolerance, sampleMoments, varianceTolerance} from '../helpers/stats';
import {expectNoLeak, takeValues, useBackend} from '../helpers/tf';

beforeAll(async () => {
  await useBackend();
});

describe('ActivationVarianceScaling: scale', () => {
  test('fanIn, fanAvg, fanGeoAvg use the forward scale; fanOut the backward scale', () => {
    for (const mode of FAN_MODES) {
      const init = new ActivationVarianceScaling({activation: 'elu', mode});
      expect(init.scale).toBe(varianceScale('elu', {direction: mode === 'fanOut' ? 'backward' : 'forward'}));
    }
    expect(new ActivationVarianceScaling().scale).toBeCloseTo(1.5505188, 7);
    expect(new ActivationVarianceScaling({mode: 'fanOut'}).scale).toBeCloseTo(1.4967774, 7);
  });

  test('targetVariance and alpha reach the scale', () => {
    const init = new ActivationVarianceScaling({activation: 'elu', alpha: 2, targetVariance: 4});
    expect(init.scale).toBe(varianceScale('elu', {alpha: 2, variance: 4}));
    expect(new ActivationVarianceScaling({activation: 'leakyRelu'}).alpha).toBe(0.3);
    expect(new ActivationVarianceScaling({activation: 'tanh'}).alpha).toBeNull();
  });

  test('defaults', () => {
    expect(new ActivationVarianceScaling().getConfig()).toEqual({
      activation: 'elu', alpha: 1, targetVariance: 1, mode: 'fanIn', distribution: 'truncatedNormal', seed: null,
    });
  });
});

describe('ActivationVarianceScaling: weights, every distribution x mode (fixed seeds, z = 6)', () => {
  // Shape [300, 200]: n = 60000 weights. Tolerances: SE(mean) = sigma/sqrt(n),
  // SE(mean of squares) = sqrt((mu4 - sigma^4)/n) = sigma^2 sqrt((kurtosis - 1)/n).
  const shape = [300, 200];
  const n = 60000;
  const cases = DISTRIBUTIONS.flatMap((distribution) => FAN_MODES.map((mode) => [distribution, mode] as const));

  test.each(cases)('%s, %s', async (distribution, mode) => {
    const init = new ActivationVarianceScaling({activation: 'elu', distribution, mode, seed: 42});
    const variance = init.scale / fanFor(mode, shape);
    expect(init.weightVariance(shape)).toBe(variance);
    const m = sampleMoments(await expectNoLeak(() => takeValues(init.apply(shape))));
    expect(m.n).toBe(n);
    expect(m.finite).toBe(true);
    expect(Math.abs(m.mean)).toBeLessThan(meanTolerance(variance, n));
    expect(Math.abs(m.meanSquare - variance)).toBeLessThan(varianceTolerance(variance, KURTOSIS[distribution], n));
    const bound = distribution === 'uniform' ? Math.sqrt(3 * variance) :
        distribution === 'truncatedNormal' ? (2 * Math.sqrt(variance)) / TRUNCATED_NORMAL_STDDEV : Infinity;
    expect(m.maxAbs).toBeLessThanOrEqual(bound * (1 + 2 ** -23));
  });

  test('conv kernels: fans from receptive field x channels', () => {
    const init = new ActivationVarianceScaling({distribution: 'normal', seed: 7});
    const shape = [3, 3, 64, 32]; // fanIn = 576
    const m = sampleMoments(takeValues(init.apply(shape)));
    const variance = init.scale / 576;
    expect(Math.abs(m.meanSquare - variance)).toBeLessThan(varianceTolerance(variance, KURTOSIS.normal, m.n));
  });

  test('the check has power: TF.js 4.22 heNormal misses its own 2/fan by the uncorrected truncation', () => {
    const shape2 = [300, 200];
    const m = sampleMoments(takeValues(tf.initializers.heNormal({seed: 42}).apply(shape2)));
    const promised = 2 / 300;
    // Its real variance is 0.7737 * 2/fan: more than 6 standard errors from the promise ...
    expect(Math.abs(m.meanSquare - promised)).toBeGreaterThan(varianceTolerance(promised, KURTOSIS.truncatedNormal, m.n));
    // ... and within them of 0.7737 * 2/fan.
    const real = promised * TRUNCATED_NORMAL_STDDEV ** 2;
    expect(Math.abs(m.meanSquare - real)).toBeLessThan(varianceTolerance(real, KURTOSIS.truncatedNormal, m.n));
  });
});

describe('ActivationVarianceScaling: seeds', () => {
  const shape = [32, 16];
  const values = (seed?: number|null) => Array.from(takeValues(new ActivationVarianceScaling({seed}).apply(shape)));

  test('every integer seed reproduces, 0 included (TF.js treats 0 as "no seed")', () => {
    for (const seed of [0, 1, -5, 2 ** 40]) expect(values(seed)).toEqual(values(seed));
  });

  test('different seeds give different weights', () => {
    expect(values(0)).not.toEqual(values(1));
    expect(values(1)).not.toEqual(values(2));
  });

  test('no seed: a fresh stream per call', () => {
    expect(values()).not.toEqual(values());
    expect(values(null)).not.toEqual(values(null));
  });

  test('TF.js\'s own seed-0 pitfall, for the record: heNormal({seed: 0}) does not reproduce', () => {
    const a = takeValues(tf.initializers.heNormal({seed: 0}).apply(shape));
    const b = takeValues(tf.initializers.heNormal({seed: 0}).apply(shape));
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('ActivationVarianceScaling: bad input names the parameter and the value', () => {
  test.each([
    [{alpha: -1}, /ActivationVarianceScaling: alpha must be a finite number > 0; got -1\./],
    [{alpha: 0}, /alpha must be a finite number > 0; got 0\./],
    [{alpha: Infinity}, /alpha must be a finite number > 0; got Infinity\./],
    [{activation: 'sigmoid', alpha: 1}, /alpha must be left unset for activation 'sigmoid'/],
    [{targetVariance: 0}, /targetVariance must be a finite number > 0; got 0\./],
    [{targetVariance: -2}, /targetVariance must be a finite number > 0; got -2\./],
    [{targetVariance: NaN}, /targetVariance must be a finite number > 0; got NaN\./],
    [{mode: 'fanSum'}, /mode must be one of 'fanIn', 'fanOut', 'fanAvg', 'fanGeoAvg'; got "fanSum"\./],
    [{distribution: 'gaussian'}, /distribution must be one of 'truncatedNormal', 'normal', 'uniform'; got "gaussian"\./],
    [{activation: 'relu6'}, /activation must be one of 'elu', .*; got "relu6"\./],
    [{seed: 1.5}, /seed must be an integer \(0 included\), null or undefined; got 1\.5\./],
    [{seed: '3'}, /seed must be an integer .*; got "3"\./],
    [{targetVarience: 2}, /unknown config key "targetVarience"; valid keys: activation, alpha, targetVariance, mode, distribution, seed\./],
  ])('%p', (args, message) => {
    expect(() => new ActivationVarianceScaling(args as never)).toThrow(message);
  });

  test.each([
    [[0, 3], /shape must be an array of positive integers; got \[0,3\]\./],
    [[-1, 3], /got \[-1,3\]/],
    [[2.5, 3], /got \[2\.5,3\]/],
    ['3x3', /got "3x3"/],
  ])('shape %p', async (shape, message) => {
    await expectNoLeak(() => {
      expect(() => new ActivationVarianceScaling().apply(shape as never)).toThrow(message);
    });
  });

  test('dtype other than float32', () => {
    expect(() => new ActivationVarianceScaling().apply([2, 2], 'int32'))
        .toThrow(/dtype must be 'float32' \(or undefined\); got "int32"\./);
  });

  test('snake_case values from Keras JSON are read as camelCase', () => {
    const init = new ActivationVarianceScaling(
        {activation: 'leaky_relu', mode: 'fan_avg', distribution: 'truncated_normal', target_variance: 2} as never);
    expect(init.getConfig()).toEqual({
      activation: 'leakyRelu', alpha: 0.3, targetVariance: 2, mode: 'fanAvg', distribution: 'truncatedNormal', seed: null,
    });
  });
});
