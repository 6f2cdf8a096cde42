/**
 * Normal variates truncated to (-bound, bound) standard deviations.
 *
 * Method: rejection from the ziggurat normal (`fillZiggurat` in ./ziggurat.ts):
 * a draw with |z| >= bound is discarded, which gives exactly the truncated
 * distribution; at bound 2, 95.45% of draws are kept. The bound is folded into
 * the fast path's per-layer thresholds, and words whose outcome can only be
 * |z| >= bound (the whole tail when bound <= r = 3.44, wedges of layers whose
 * inner edge is already beyond the bound) are discarded before any exp or log.
 *
 * @packageDocumentation
 */
import {InvalidArgumentError} from '../errors.js';
import {fillZiggurat} from './ziggurat.js';
import {RandomSource} from './xoshiro128.js';

/**
 * Fills `out` with N(0, stddev^2) variates conditioned on |z| < bound * stddev.
 *
 * @example
 * fillTruncatedNormal(new Float32Array(1000), new Xoshiro128(0), 1, 2) // every value in (-2, 2)
 */
export function fillTruncatedNormal(
    out: Float32Array, source: RandomSource, stddev: number, bound: number): Float32Array {
  if (!(bound > 0)) throw new InvalidArgumentError('fillTruncatedNormal', 'bound', bound, 'a number > 0');
  return fillZiggurat(out, source, stddev, bound);
}
