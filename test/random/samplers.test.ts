import {fillUniform} from '../../src/random/uniform';
import {Xoshiro128} from '../../src/random/xoshiro128';
import {fillNormal, fillTruncatedNormal, standardNormal, ZIGGURAT_F, ZIGGURAT_X} from '../../src/random/ziggurat';
import {KURTOSIS, meanTolerance, sampleMoments, varianceTolerance} from '../helpers/stats';

const N = 1_000_000;

describe('ziggurat tables', () => {
  test('every layer has the same area v (the top one, built last, included)', () => {
    const v = 9.91256303526217e-3;
    // Base strip: x[0] * f(r) = v by definition; layer i >= 1: x[i] * (f(x[i+1]) - f(x[i])).
    expect(ZIGGURAT_X[0] * ZIGGURAT_F[1]).toBeCloseTo(v, 15);
    for (let i = 1; i < 128; i++) {
      expect(Math.abs(ZIGGURAT_X[i] * (ZIGGURAT_F[i + 1] - ZIGGURAT_F[i]) - v) / v).toBeLessThan(1e-8);
    }
  });
});

describe('samplers: golden values for seed 0', () => {
  test('standardNormal', () => {
    const rng = new Xoshiro128(0);
    expect(Array.from({length: 4}, () => standardNormal(rng)))
        .toEqual([3.7810332951404755, 0.9025810520296457, -0.036673518712069364, 1.8454220765129958]);
  });
  test('fillTruncatedNormal skips the 3.78 draw beyond 2', () => {
    expect(Array.from(fillTruncatedNormal(new Float32Array(3), new Xoshiro128(0), 1, 2)))
        .toEqual([0.9025810360908508, -0.036673519760370255, 1.8454220294952393]);
  });
  test('fillUniform', () => {
    expect(Array.from(fillUniform(new Float32Array(3), new Xoshiro128(0), 1)))
        .toEqual([0.8568719625473022, -0.37617266178131104, -0.23100706934928894]);
  });
});

describe(`sampler moments, n = ${N}, tolerances z = 6 standard errors`, () => {
  // SE(mean) = sigma/sqrt(n); SE(mean of squares) = sqrt((mu4 - sigma^4)/n).
  test('normal: mean 0, variance stddev^2, kurtosis 3', () => {
    const m = sampleMoments(fillNormal(new Float32Array(N), new Xoshiro128(1), 2));
    expect(Math.abs(m.mean)).toBeLessThan(meanTolerance(4, N));
    expect(Math.abs(m.meanSquare - 4)).toBeLessThan(varianceTolerance(4, KURTOSIS.normal, N));
  });

  test('truncated normal at 2 sigma: variance 0.7737413 stddev^2, all |z| < 2 stddev', () => {
    const m = sampleMoments(fillTruncatedNormal(new Float32Array(N), new Xoshiro128(2), 1, 2));
    const variance = 0.7737413035499232;
    expect(Math.abs(m.mean)).toBeLessThan(meanTolerance(variance, N));
    expect(Math.abs(m.meanSquare - variance)).toBeLessThan(varianceTolerance(variance, KURTOSIS.truncatedNormal, N));
    expect(m.maxAbs).toBeLessThan(2);
  });

  test('uniform: variance limit^2/3, all within the limit', () => {
    const m = sampleMoments(fillUniform(new Float32Array(N), new Xoshiro128(3), 3));
    expect(Math.abs(m.mean)).toBeLessThan(meanTolerance(3, N));
    expect(Math.abs(m.meanSquare - 3)).toBeLessThan(varianceTolerance(3, KURTOSIS.uniform, N));
    expect(m.maxAbs).toBeLessThanOrEqual(3);
  });
});
