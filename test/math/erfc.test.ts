import {erf, erfc, erfcx} from '../../src/math/erfc';
import {normalCdf} from '../../src/math/gaussian';
import fixtures from '../fixtures/erfc.json';

// Reference values: mpmath at 40 digits (test/fixtures/generate.py).
const rows = fixtures.rows as Array<{x: number, erf: number, erfc: number, erfcx: number}>;

function relativeError(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

describe('erf, erfc, erfcx against mpmath', () => {
  test.each(rows.map((r) => [r.x, r]))('x = %p', (_x, row) => {
    expect(relativeError(erfc(row.x), row.erfc)).toBeLessThan(1e-14);
    expect(relativeError(erfcx(row.x), row.erfcx)).toBeLessThan(1e-14);
    // erf near 0 is tiny: compare absolutely there, relatively elsewhere.
    expect(Math.abs(erf(row.x) - row.erf)).toBeLessThan(1e-15 * Math.max(1, Math.abs(row.erf)) +
                                                        1e-15 * Math.abs(row.erf));
  });

  test('erfcx stays finite where erfc underflows', () => {
    expect(erfc(30)).toBe(0);
    expect(erfcx(30)).toBeCloseTo(0.018795888861416751, 15);
    expect(erfcx(Infinity)).toBe(0);
  });

  test('NaN in, NaN out', () => {
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
    expect(erfcx(NaN)).toBeNaN();
  });

  test('normalCdf keeps relative accuracy in the lower tail', () => {
    // Phi(-10) = erfc(10/sqrt 2)/2 = 7.619853024160527e-24 (mpmath)
    expect(relativeError(normalCdf(-10), 7.619853024160527e-24)).toBeLessThan(1e-13);
    expect(normalCdf(0)).toBe(0.5);
  });
});
