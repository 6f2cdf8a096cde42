/**
 * Uniform variates on a symmetric interval.
 *
 * Method: one 32-bit draw u gives (u + 1/2) / 2^32 in (0, 1), mapped affinely to
 * (-limit, limit); the 2^32 possible values are symmetric about 0, so the
 * mean is exactly 0. Stored as float32, values within 2^-24 * limit of a bound
 * round to it, so the output lies in [-limit, limit].
 *
 * @packageDocumentation
 */
import {RandomSource} from './xoshiro128.js';

/**
 * Fills `out` with U(-limit, limit) variates.
 *
 * @example
 * fillUniform(new Float32Array(4), new Xoshiro128(0), 1) // values in [-1, 1]
 */
export function fillUniform(out: Float32Array, source: RandomSource, limit: number): Float32Array {
  const step = (2 * limit) / 4294967296;
  const offset = -limit + step / 2;
  for (let k = 0; k < out.length; k++) out[k] = offset + step * source.nextUint32();
  return out;
}
