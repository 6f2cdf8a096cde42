import * as tf from '@tensorflow/tfjs';

import {computeFans, fanFor} from '../../src/initializers/fans';

describe('computeFans follows TF.js', () => {
  test.each([
    [[64, 128], [64, 128]],
    [[5, 16, 32], [80, 160]],
    [[3, 3, 64, 128], [576, 1152]],
    [[2, 3, 3, 8, 4], [144, 72]],
    [[100], [10, 10]],
    [[2, 2, 2, 2, 2, 2], [8, 8]],
  ])('%p -> %p', (shape, fans) => {
    expect(computeFans(shape)).toEqual(fans);
  });

  test('agrees with TF.js VarianceScaling on the variance it targets (scale 1, uniform, fanIn and fanOut)', () => {
    // TF.js's uniform limit is sqrt(3 scale / fan): read the fan back from its config-free output bound.
    for (const shape of [[64, 128], [3, 3, 16, 8], [5, 6, 7]]) {
      for (const mode of ['fanIn', 'fanOut'] as const) {
        const w = tf.initializers.varianceScaling({scale: 1, mode, distribution: 'uniform', seed: 1}).apply(shape);
        const max = w.abs().max().dataSync()[0];
        tf.dispose(w);
        const limit = Math.sqrt(3 / fanFor(mode, shape));
        expect(max).toBeLessThanOrEqual(limit * (1 + 1e-6));
        expect(max).toBeGreaterThan(limit * 0.99);
      }
    }
  });

  test('fanAvg and fanGeoAvg', () => {
    expect(fanFor('fanAvg', [64, 256])).toBe(160);
    expect(fanFor('fanGeoAvg', [64, 256])).toBe(128);
  });
});
