import {Xoshiro128} from '../../src/random/xoshiro128';
import {fillZiggurat, ZIGGURAT_F, ZIGGURAT_X} from '../../src/random/ziggurat';

describe('ziggurat tables', () => {
  test('every layer has the same area v (the top one, built last, included)', () => {
    const v = 9.91256303526217e-3;
    // Base strip: x[0] * f(r) = v by definition; layer i >= 1: x[i] * (f(x[i+1]) - f(x[i])).
    expect(ZIGGURAT_X[0] * ZIGGURAT_F[1]).toBeCloseTo(v, 15);
    for (let i = 1; i < 128; i++) {
      expect(Math.abs(ZIGGURAT_X[i] * (ZIGGURAT_F[i + 1] - ZIGGURAT_F[i]) - v) / v).toBeLessThan(1e-8);
    }
  });

  test('pinned table bits (built with the portable exp/log: the same on every engine)', () => {
    expect(ZIGGURAT_X[0]).toBe(3.7130862467425505); // mpmath: 3.71308624674254735
    expect(ZIGGURAT_X[127]).toBe(0.27232086481391815); // mpmath: 0.27232086481394268 (the recurrence amplifies rounding)
  });
});

describe('fillZiggurat', () => {
  // A source that is not an Xoshiro128 takes the generic path (one nextUint32 call per word);
  // an Xoshiro128 takes the inlined step. Both must give the same values.
  const wrapped = (seed: number) => {
    const rng = new Xoshiro128(seed);
    return {nextUint32: () => rng.nextUint32()};
  };

  test.each([[Infinity], [2], [0.5], [4]])('the inlined generator step is the generator (bound %p)', (bound) => {
    for (const seed of [0, 1, 99]) {
      const fast = fillZiggurat(new Float32Array(20000), new Xoshiro128(seed), 1.5, bound);
      const generic = fillZiggurat(new Float32Array(20000), wrapped(seed), 1.5, bound);
      expect(Array.from(fast)).toEqual(Array.from(generic));
    }
  });

  test('the generator state advances: consecutive calls on one source continue the stream', () => {
    const rng = new Xoshiro128(3);
    const a = fillZiggurat(new Float32Array(100), rng, 1, 2);
    const b = fillZiggurat(new Float32Array(100), rng, 1, 2);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    const reference = new Xoshiro128(3);
    fillZiggurat(new Float32Array(100), reference, 1, 2);
    expect(rng.nextUint32()).not.toBe(new Xoshiro128(3).nextUint32());
  });

  test('empty output', () => {
    expect(fillZiggurat(new Float32Array(0), new Xoshiro128(0), 1, 2)).toHaveLength(0);
  });
});
