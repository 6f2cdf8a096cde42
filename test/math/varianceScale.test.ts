import {varianceScale} from '../../src/math/varianceScale';
import fixtures from '../fixtures/activation-moments.json';

describe('varianceScale', () => {
  test('ELU at q* = 1: forward 1/0.6449454 = 1.5505188, backward 1/0.6681020 = 1.4967774', () => {
    expect(varianceScale('elu')).toBeCloseTo(1.5505188, 7);
    expect(varianceScale('elu', {direction: 'backward'})).toBeCloseTo(1.4967774, 7);
  });

  test('ReLU: 2 both ways, at every q*', () => {
    for (const variance of [0.01, 1, 100]) {
      expect(varianceScale('relu', {variance})).toBe(2);
      expect(varianceScale('relu', {variance, direction: 'backward'})).toBe(2);
    }
  });

  test('linear: 1 (LeCun); SELU forward at q* = 1: 1', () => {
    expect(varianceScale('linear')).toBe(1);
    expect(varianceScale('selu')).toBeCloseTo(1, 14);
  });

  test('forward = q*/E[f^2] and backward = 1/E[f\'^2] against the mpmath fixtures', () => {
    for (const c of fixtures.cases as Array<Record<string, number|string>>) {
      const options = {alpha: c.alpha as number|undefined, variance: c.variance as number};
      const name = c.activation as 'elu';
      expect(varianceScale(name, options) * (c.secondMoment as number) / (c.variance as number)).toBeCloseTo(1, 11);
      expect(varianceScale(name, {...options, direction: 'backward'}) * (c.derivativeSecondMoment as number))
          .toBeCloseTo(1, 11);
    }
  });

  test('bad direction and variance are named', () => {
    expect(() => varianceScale('elu', {direction: 'sideways' as 'forward'}))
        .toThrow(/varianceScale: direction must be one of 'forward', 'backward'; got "sideways"/);
    expect(() => varianceScale('elu', {variance: NaN})).toThrow(/variance must be a finite number > 0; got NaN/);
  });
});
