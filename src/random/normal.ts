/**
 * Normal variates from the ziggurat (./ziggurat.ts).
 *
 * Method: `fillNormal` is `fillZiggurat` with no bound (blocks of words, one
 * ziggurat attempt per word). `standardNormal` draws one word at a time for a
 * caller that needs single values; for the same source it gives the same
 * values as `fillNormal` until the first slow-path word (which draws its extra
 * uniforms later in `fillNormal`). The values `fillNormal` writes depend on the
 * seed and on the output length (slow-path slots are resolved every 64 such
 * words or at the end), so a longer fill is not an extension of a shorter one;
 * the same seed and length always give the same values.
 *
 * @packageDocumentation
 */
import {ACCEPT_BELOW, fillZiggurat, VALUE_PER_UNIT, zigguratSlowPath} from './ziggurat.js';
import {RandomSource} from './xoshiro128.js';

/**
 * One N(0, 1) variate.
 *
 * @example
 * standardNormal(new Xoshiro128(0)) // 3.7810332951404755 (a tail draw; pinned in test/random/normal.test.ts)
 */
export function standardNormal(source: RandomSource): number {
  for (;;) {
    const u = source.nextUint32();
    const layer = u & 127;
    const magnitude = u >>> 8;
    let z = magnitude * VALUE_PER_UNIT[layer];
    if (magnitude >= ACCEPT_BELOW[layer]) {
      z = zigguratSlowPath(source, layer, magnitude);
      if (z !== z) continue;
    }
    return u & 128 ? -z : z;
  }
}

/**
 * Fills `out` with N(0, stddev^2) variates.
 *
 * @example
 * fillNormal(new Float32Array(1000), new Xoshiro128(0), 0.5) // first values pinned in test/random/normal.test.ts
 */
export function fillNormal(out: Float32Array, source: RandomSource, stddev: number): Float32Array {
  return fillZiggurat(out, source, stddev, Infinity);
}
