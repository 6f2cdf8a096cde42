import {openUnitInterval, Xoshiro128} from '../../src/random/xoshiro128';

function draws(seed: number, n: number): number[] {
  const rng = new Xoshiro128(seed);
  return Array.from({length: n}, () => rng.nextUint32());
}

describe('Xoshiro128', () => {
  test('golden first values for seed 0: the stream must not change silently', () => {
    expect(draws(0, 6)).toEqual([3987602176, 1339659015, 1651399729, 1432517896, 241035767, 4095568421]);
  });

  test('same seed, same stream; seed 0 is a seed like any other', () => {
    expect(draws(0, 100)).toEqual(draws(0, 100));
    expect(draws(-7, 100)).toEqual(draws(-7, 100));
  });

  test('no shared prefix between nearby, negative and large seeds', () => {
    const seeds = [0, 1, 2, -1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    const firsts = seeds.map((s) => draws(s, 4).join(','));
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  test('outputs are unsigned 32-bit integers, and uniform in the top bit and bottom byte', () => {
    // n = 2^16 draws; a fair bit is set n/2 +- 6 sqrt(n)/2 times (z = 6).
    const n = 65536;
    const xs = draws(123, n);
    let top = 0;
    let low = 0;
    for (const x of xs) {
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
      top += x >>> 31;
      low += x & 1;
    }
    const tolerance = (6 * Math.sqrt(n)) / 2;
    expect(Math.abs(top - n / 2)).toBeLessThan(tolerance);
    expect(Math.abs(low - n / 2)).toBeLessThan(tolerance);
  });

  test('openUnitInterval is strictly inside (0, 1)', () => {
    const zero = {nextUint32: () => 0};
    const max = {nextUint32: () => 2 ** 32 - 1};
    expect(openUnitInterval(zero)).toBeGreaterThan(0);
    expect(openUnitInterval(max)).toBeLessThan(1);
  });
});
