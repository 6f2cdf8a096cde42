import {ACTIVATION_NAMES, ActivationName} from '../../src/math/activations';
import {activationMoments, quadratureMoments} from '../../src/math/activationMoments';
import fixtures from '../fixtures/activation-moments.json';

// Reference values: mpmath at 40 digits, by tanh-sinh quadrature of f(sqrt(q) x) phi(x)
// and numerical differentiation (test/fixtures/generate.py): independent of the package's code.
interface Case {
  activation: ActivationName;
  variance: number;
  alpha?: number;
  mean: number;
  secondMoment: number;
  derivativeSecondMoment: number;
}
const cases = fixtures.cases as Case[];
const KEYS = ['mean', 'secondMoment', 'derivativeSecondMoment'] as const;

/** Error relative to the size of f: |got - want| / sqrt(E[f^2]) for the mean (it can be 0), else relative. */
function errors(got: Record<string, number>, c: Case): number[] {
  return KEYS.map((k) => Math.abs(got[k] - c[k]) / (k === 'mean' ? Math.sqrt(c.secondMoment) : c[k]));
}

describe('activationMoments against mpmath', () => {
  test('every activation is covered by the fixtures', () => {
    expect(new Set(cases.map((c) => c.activation))).toEqual(new Set(ACTIVATION_NAMES));
  });

  test.each(cases.map((c) => [`${c.activation} alpha=${c.alpha ?? '-'} q=${c.variance}`, c]))(
      '%s', (_name, c) => {
        const got = activationMoments(c.activation, {alpha: c.alpha, variance: c.variance});
        // The issue asks for 1e-9; closed forms and quadrature both reach ~1e-13.
        for (const e of errors(got as unknown as Record<string, number>, c)) expect(e).toBeLessThan(1e-12);
      });

  test.each(cases.map((c) => [`${c.activation} alpha=${c.alpha ?? '-'} q=${c.variance}`, c]))(
      'quadrature path agrees too: %s', (_name, c) => {
        const alpha = c.alpha ?? (c.activation === 'elu' ? 1 : c.activation === 'leakyRelu' ? 0.3 : null);
        const got = quadratureMoments(c.activation, alpha, c.variance);
        for (const e of errors(got as unknown as Record<string, number>, c)) expect(e).toBeLessThan(1e-11);
      });
});

describe('activationMoments: the values the design quotes', () => {
  test('ELU, alpha 1, q 1', () => {
    const m = activationMoments('elu');
    expect(m.mean).toBeCloseTo(0.16052057226655606, 15);
    expect(m.secondMoment).toBeCloseTo(0.6449454174929239, 15);
    expect(m.derivativeSecondMoment).toBeCloseTo(0.6681020012231706, 15);
  });

  test('SELU keeps q = 1 by construction (mean 0, second moment 1)', () => {
    const m = activationMoments('selu');
    expect(m.mean).toBeCloseTo(0, 14);
    expect(m.secondMoment).toBeCloseTo(1, 14);
  });

  test('GELU, q 1', () => {
    expect(activationMoments('gelu').secondMoment).toBeCloseTo(0.4252214825702987, 13);
  });

  test('ELU series and closed form meet smoothly at q = 1/4 (the switch)', () => {
    const below = activationMoments('elu', {variance: 0.25 * (1 - 1e-12)}).secondMoment;
    const above = activationMoments('elu', {variance: 0.25 * (1 + 1e-12)}).secondMoment;
    expect(Math.abs(above - below) / below).toBeLessThan(1e-11);
  });

  test('ELU second moment / q falls from 1 towards 1/2 as q grows (the stability argument)', () => {
    const ratios = [1e-6, 1e-3, 0.1, 1, 10, 1e3, 1e6].map((q) => activationMoments('elu', {variance: q}).secondMoment / q);
    for (let i = 1; i < ratios.length; i++) expect(ratios[i]).toBeLessThan(ratios[i - 1]);
    expect(ratios[0]).toBeCloseTo(1, 2); // 1 - 0.798 sqrt(q) for small q
    expect(ratios[ratios.length - 1]).toBeCloseTo(0.5, 3);
  });

  test('extreme but valid variances give finite moments', () => {
    for (const name of ACTIVATION_NAMES) {
      for (const variance of [1e-12, 1e4]) {
        const m = activationMoments(name, {variance});
        for (const k of KEYS) expect(Number.isFinite(m[k])).toBe(true);
        expect(m.secondMoment).toBeGreaterThan(0);
      }
    }
  });
});

describe('activationMoments: bad input', () => {
  test.each([
    ['swishy', {}, /activation must be one of 'elu', .*'mish'; got "swishy"/],
    ['elu', {alpha: -1}, /alpha must be a finite number > 0; got -1/],
    ['elu', {alpha: 0}, /alpha must be a finite number > 0; got 0/],
    ['leakyRelu', {alpha: NaN}, /alpha must be a finite number > 0; got NaN/],
    ['elu', {alpha: '1'}, /alpha must be a finite number > 0; got "1"/],
    ['tanh', {alpha: 2}, /alpha must be left unset for activation 'tanh'.*got 2/],
    ['elu', {variance: 0}, /variance must be a finite number > 0; got 0/],
    ['elu', {variance: -1}, /variance must be a finite number > 0; got -1/],
    ['elu', {variance: Infinity}, /variance must be a finite number > 0; got Infinity/],
  ])('%s %p', (activation, options, message) => {
    expect(() => activationMoments(activation as ActivationName, options as never)).toThrow(message);
  });
});
