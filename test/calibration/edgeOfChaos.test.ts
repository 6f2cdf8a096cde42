import {edgeOfChaos} from '../../src/calibration/edgeOfChaos';
import {activationMoments} from '../../src/math/activationMoments';

describe('edgeOfChaos', () => {
  // Reference values computed independently (stated in the design issue) for ELU, alpha 1.
  test.each([
    [0.1, 1.176, 0.438],
    [0.2, 1.229, 1.107],
    [0.5, 1.306, 4.89],
  ])('ELU, biasStd %p: sigma_w %p, q* %p', (biasStd, weightStd, q) => {
    const r = edgeOfChaos('elu', {biasStd});
    expect(r.weightStd).toBeCloseTo(weightStd, 3);
    expect(Math.abs(r.fixedPointVariance - q) / q).toBeLessThan(1e-3);
    expect(r.slope).toBeGreaterThan(0);
    expect(r.slope).toBeLessThan(1); // a stable fixed point
  });

  test('the solution satisfies both defining equations to machine precision', () => {
    for (const activation of ['elu', 'tanh', 'selu', 'gelu', 'swish'] as const) {
      const r = edgeOfChaos(activation, {biasStd: 0.3});
      const m = activationMoments(activation, {variance: r.fixedPointVariance});
      expect(r.weightStd ** 2 * m.derivativeSecondMoment).toBeCloseTo(1, 12);
      expect(0.09 + r.weightStd ** 2 * m.secondMoment).toBeCloseTo(r.fixedPointVariance, 10);
    }
  });

  test('ReLU has no critical fixed point with biases; errors name the parameter', () => {
    expect(() => edgeOfChaos('relu', {biasStd: 0.1})).toThrow(/edgeOfChaos: activation must be an activation with a critical fixed point/);
    expect(() => edgeOfChaos('elu', {biasStd: 0})).toThrow(/biasStd must be a finite number > 0; got 0/);
    expect(() => edgeOfChaos('elu', {biasStd: -1})).toThrow(/got -1/);
    expect(() => edgeOfChaos('elu', {} as never)).toThrow(/biasStd must be a finite number > 0; got undefined/);
    expect(() => edgeOfChaos('tanh', {biasStd: 0.1, alpha: 2})).toThrow(/alpha must be left unset/);
  });
});
