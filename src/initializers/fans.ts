/**
 * Fan-in and fan-out of a weight shape, exactly as TF.js and Keras compute them.
 *
 * Method (tfjs-layers `computeFans`, channelsLast): a 2-D kernel [in, out] has
 * fans (in, out); a 3-, 4- or 5-D conv kernel [...spatial, in, out] has
 * (in * receptive field, out * receptive field); any other rank gets
 * sqrt(product of dims) for both.
 *
 * @packageDocumentation
 */
import {InvalidArgumentError} from '../errors.js';

/** The modes that choose which fan divides the scale. */
export type FanMode = 'fanIn'|'fanOut'|'fanAvg'|'fanGeoAvg';

/** Valid values of `mode`. */
export const FAN_MODES: readonly FanMode[] = ['fanIn', 'fanOut', 'fanAvg', 'fanGeoAvg'];

/** Throws unless `shape` is an array of positive integers. */
export function checkShape(owner: string, shape: unknown): number[] {
  if (!Array.isArray(shape) ||
      !shape.every((d) => typeof d === 'number' && Number.isInteger(d) && d > 0)) {
    throw new InvalidArgumentError(owner, 'shape', shape, 'an array of positive integers');
  }
  return shape as number[];
}

/**
 * [fanIn, fanOut] of a weight shape.
 *
 * @example
 * computeFans([3, 3, 64, 128]) // [576, 1152]
 */
export function computeFans(shape: readonly number[]): [number, number] {
  if (shape.length === 2) return [shape[0], shape[1]];
  if (shape.length >= 3 && shape.length <= 5) {
    let receptiveField = 1;
    for (let i = 0; i < shape.length - 2; i++) receptiveField *= shape[i];
    return [shape[shape.length - 2] * receptiveField, shape[shape.length - 1] * receptiveField];
  }
  const size = shape.reduce((a, b) => a * b, 1);
  return [Math.sqrt(size), Math.sqrt(size)];
}

/**
 * The fan a mode divides by: fanIn, fanOut, their arithmetic or geometric mean.
 *
 * @example
 * fanFor('fanGeoAvg', [64, 256]) // 128
 */
export function fanFor(mode: FanMode, shape: readonly number[]): number {
  const [fanIn, fanOut] = computeFans(shape);
  switch (mode) {
    case 'fanIn':
      return fanIn;
    case 'fanOut':
      return fanOut;
    case 'fanAvg':
      return (fanIn + fanOut) / 2;
    case 'fanGeoAvg':
      return Math.sqrt(fanIn * fanOut);
  }
}
