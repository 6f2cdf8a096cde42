import {integrate} from '../../src/math/quadrature';

describe('Gauss-Kronrod quadrature', () => {
  // One QK15 panel on [-1, 1] (no subdivision: the tolerance is met at once)
  // must be exact for polynomials up to degree 22.
  test.each(Array.from({length: 23}, (_, k) => k))('one panel integrates x^%i exactly', (k) => {
    const [value] = integrate((x, out) => {
      out[0] = x ** k;
    }, 1, [-1, 1], {relTol: 1, maxIntervals: 1});
    const exact = k % 2 === 1 ? 0 : 2 / (k + 1);
    expect(Math.abs(value - exact)).toBeLessThan(1e-15);
  });

  test('the 7-point Gauss estimate is not exact at degree 14 (so the error estimate is real)', () => {
    // Degree 24 needs subdivision: the first panel's |K - G| is far above 1e-12.
    expect(() => integrate((x, out) => {
      out[0] = x ** 24;
    }, 1, [-1, 1], {relTol: 1e-14, maxIntervals: 1})).toThrow(/no convergence after 1 subintervals/);
  });

  test('Gaussian integral and a vector integrand', () => {
    const [a, b] = integrate((x, out) => {
      out[0] = Math.exp(-x * x);
      out[1] = Math.abs(x) * Math.exp(-x * x);
    }, 2, [-10, 0, 10]);
    expect(a).toBeCloseTo(Math.sqrt(Math.PI), 14);
    expect(b).toBeCloseTo(1, 14);
  });

  test('a kink inside a panel is handled by subdivision', () => {
    const [value] = integrate((x, out) => {
      out[0] = Math.abs(x - 0.3);
    }, 1, [-1, 1]);
    expect(value).toBeCloseTo(1.3 ** 2 / 2 + 0.7 ** 2 / 2, 11);
  });
});
