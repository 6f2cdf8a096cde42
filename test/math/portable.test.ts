import {exp, log} from '../../src/math/portable';

describe('portable exp and log (basic arithmetic only)', () => {
  test('agree with Math.exp / Math.log to a few ulps over the whole range', () => {
    // A fixed grid, not Math.random: the test is reproducible.
    for (let i = 0; i <= 20000; i++) {
      const x = -745 + (1454.7 * i) / 20000;
      const want = Math.exp(x);
      if (want > 1e-300 && want < Infinity) expect(Math.abs(exp(x) - want) / want).toBeLessThan(5e-16);
      const y = Math.exp(-700 + (1400 * i) / 20000);
      const l = Math.log(y);
      if (l !== 0) expect(Math.abs(log(y) - l) / Math.abs(l)).toBeLessThan(5e-16);
    }
    for (const y of [1 - 1e-12, 1 + 1e-12, 0.5, 2, 1e-300, 5e-324, 1.7e308]) {
      expect(Math.abs(log(y) - Math.log(y))).toBeLessThanOrEqual(5e-16 * Math.abs(Math.log(y)));
    }
  });

  test('special values', () => {
    expect(exp(0)).toBe(1);
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
  });

  test('pinned bits: these must be the same on every engine (a browser test checks them too)', () => {
    expect(exp(1)).toBe(2.7182818284590455);
    expect(exp(-0.5)).toBe(0.6065306597126334);
    expect(log(10)).toBe(2.3025850929940455);
    expect(log(0.3)).toBe(-1.203972804325936);
  });
});
