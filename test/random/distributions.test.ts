/**
 * Statistical quality of the three samplers, fixed seeds, N = 1e6 each:
 * - Kolmogorov-Smirnov against the exact CDF: D_n < 2.693 / sqrt(n)
 *   (false-alarm probability 1e-6 for a correct sampler);
 * - raw moments E[x^j], j = 1..4 (mean, variance, skewness, kurtosis) within
 *   z = 6 standard errors, SE_j = sqrt((mu_2j - mu_j^2) / n);
 * - golden first values for seed 0; no shared prefix between seeds 0, 1, 2
 *   or between consecutive calls on one source.
 */
import {normalCdf, normalPdf} from '../../src/math/gaussian';
import {fillNormal, standardNormal} from '../../src/random/normal';
import {fillTruncatedNormal} from '../../src/random/truncatedNormal';
import {fillUniform} from '../../src/random/uniform';
import {Xoshiro128} from '../../src/random/xoshiro128';
import {expectRawMoments, KS_THRESHOLD, ksStatistic} from '../helpers/stats';

const N = 1_000_000;

/**
 * Phi by cubic Hermite interpolation on a grid of 2^14 intervals over [-8, 8] from
 * exact values of Phi and its derivative phi: interpolation error below
 * h^4 max|phi'''| / 384 < 1e-13 (h = 1e-3), far below the KS threshold of 2.7e-3,
 * and ~50x faster than calling normalCdf a million times under jest.
 */
const GRID = 16384;
const LOW = -8;
const H = 16 / GRID;
const PHI = Float64Array.from({length: GRID + 1}, (_, i) => normalCdf(LOW + i * H));
const DPHI = Float64Array.from({length: GRID + 1}, (_, i) => normalPdf(LOW + i * H));
function fastNormalCdf(x: number): number {
  if (x <= LOW) return normalCdf(x);
  if (x >= -LOW) return normalCdf(x);
  const position = (x - LOW) / H;
  const i = Math.min(GRID - 1, Math.floor(position));
  const t = position - i;
  const t2 = t * t;
  const t3 = t2 * t;
  return (2 * t3 - 3 * t2 + 1) * PHI[i] + (t3 - 2 * t2 + t) * H * DPHI[i] +
         (-2 * t3 + 3 * t2) * PHI[i + 1] + (t3 - t2) * H * DPHI[i + 1];
}
const C = 2; // truncation bound
const P = 2 * normalCdf(C) - 1;
const PHI_MINUS_C = normalCdf(-C);

/** Raw moments mu[0..8] of N(0,1) truncated to (-c, c): mu_2j = (2j-1) mu_2j-2 - 2 c^(2j-1) phi(c) / P. */
function truncatedMoments(c: number): number[] {
  const mu = [1, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let j = 2; j <= 8; j += 2) mu[j] = (j - 1) * mu[j - 2] - (2 * c ** (j - 1) * normalPdf(c)) / P;
  return mu;
}

const SAMPLERS = {
  normal: {
    fill: (out: Float32Array, seed: number) => fillNormal(out, new Xoshiro128(seed), 1),
    cdf: fastNormalCdf,
    mu: [1, 0, 1, 0, 3, 0, 15, 0, 105],
  },
  truncatedNormal: {
    fill: (out: Float32Array, seed: number) => fillTruncatedNormal(out, new Xoshiro128(seed), 1, C),
    cdf: (x: number) => (x <= -C ? 0 : x >= C ? 1 : (fastNormalCdf(x) - PHI_MINUS_C) / P),
    mu: truncatedMoments(C),
  },
  uniform: {
    fill: (out: Float32Array, seed: number) => fillUniform(out, new Xoshiro128(seed), 1),
    cdf: (x: number) => Math.min(1, Math.max(0, (x + 1) / 2)),
    mu: [1, 0, 1 / 3, 0, 1 / 5, 0, 1 / 7, 0, 1 / 9],
  },
};

test('the interpolated Phi matches normalCdf to 1e-12', () => {
  for (let x = -9; x <= 9; x += 0.0137) expect(Math.abs(fastNormalCdf(x) - normalCdf(x))).toBeLessThan(1e-12);
});

describe.each(Object.entries(SAMPLERS))('%s sampler', (_name, sampler) => {
  const sample = sampler.fill(new Float32Array(N), 20261204);

  test(`Kolmogorov-Smirnov against the exact CDF: D < ${KS_THRESHOLD}/sqrt(n)`, () => {
    expect(ksStatistic(sample, sampler.cdf)).toBeLessThan(KS_THRESHOLD / Math.sqrt(N));
  });

  test('mean, variance, skewness and kurtosis (raw moments 1-4) within 6 standard errors', () => {
    expectRawMoments(sample, sampler.mu);
  });

  test('no shared prefix between seeds 0, 1, 2, nor between consecutive calls on one source', () => {
    const firsts = [0, 1, 2].map((seed) => Array.from(sampler.fill(new Float32Array(8), seed)).join());
    expect(new Set(firsts).size).toBe(3);
    const rng = new Xoshiro128(0);
    const fill = sampler === SAMPLERS.uniform ? (o: Float32Array) => fillUniform(o, rng, 1) :
        sampler === SAMPLERS.normal ? (o: Float32Array) => fillNormal(o, rng, 1) : (o: Float32Array) => fillTruncatedNormal(o, rng, 1, C);
    const a = fill(new Float32Array(8)).join();
    const b = fill(new Float32Array(8)).join();
    expect(a).not.toBe(b);
  });
});

describe('the tests have power', () => {
  test('KS rejects truncated-normal samples against the untruncated normal CDF', () => {
    const sample = fillTruncatedNormal(new Float32Array(N), new Xoshiro128(5), 1, C);
    expect(ksStatistic(sample, fastNormalCdf)).toBeGreaterThan(KS_THRESHOLD / Math.sqrt(N));
  });

  test('moments reject the uncorrected variance (normal samples with stddev 0.88 against N(0,1))', () => {
    const sample = fillNormal(new Float32Array(N), new Xoshiro128(6), 0.8796256610342398);
    expect(() => expectRawMoments(sample, SAMPLERS.normal.mu)).toThrow(/moment E\[x\^2\]/);
  });
});

describe('golden first values for seed 0: streams must not change silently', () => {
  test('standardNormal (a tail draw first)', () => {
    const rng = new Xoshiro128(0);
    expect(Array.from({length: 4}, () => standardNormal(rng)))
        .toEqual([3.7810332951404755, 0.9025810520296456, -0.03667351871206875, 1.845422076512994]);
  });
  test('fillNormal', () => {
    expect(Array.from(fillNormal(new Float32Array(6), new Xoshiro128(0), 1))).toEqual(
        [3.502763032913208, 0.8612464666366577, 0.6708871722221375, 0.9025810360908508, -0.036673519760370255, 1.8454220294952393]);
  });
  test('fillTruncatedNormal skips the tail word (3.5 > 2)', () => {
    expect(Array.from(fillTruncatedNormal(new Float32Array(6), new Xoshiro128(0), 1, 2))).toEqual(
        [0.8612464666366577, 0.6708871722221375, 0.9025810360908508, -0.036673519760370255, 1.8454220294952393, -1.1150752305984497]);
  });
  test('fillUniform', () => {
    expect(Array.from(fillUniform(new Float32Array(6), new Xoshiro128(0), 1))).toEqual(
        [-0.14312803745269775, 0.623827338218689, 0.7689929008483887, 0.6670681238174438, 0.11224102228879929, -0.09285233914852142]);
  });
  test('bad bound is named', () => {
    expect(() => fillTruncatedNormal(new Float32Array(2), new Xoshiro128(0), 1, 0)).toThrow(/bound must be a number > 0; got 0/);
  });
});

describe('fillUniform', () => {
  test('the inlined generator step is the generator (an injected non-Xoshiro source gives the same values)', () => {
    const rng = new Xoshiro128(17);
    const wrapped = {nextUint32: () => rng.nextUint32()};
    const fast = fillUniform(new Float32Array(5000), new Xoshiro128(17), 2);
    expect(Array.from(fillUniform(new Float32Array(5000), wrapped, 2))).toEqual(Array.from(fast));
  });
});
