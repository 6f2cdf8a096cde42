/**
 * Uniform variates on a symmetric interval.
 *
 * Method: each 32-bit word, read as a signed integer u in [-2^31, 2^31), gives
 * (u + 1/2) * limit / 2^31: 2^32 equally likely values, symmetric about 0 (so
 * the mean is exactly 0), strictly inside (-limit, limit). Stored as float32,
 * values within 2^-24 * limit of a bound round to it, so the output lies in
 * [-limit, limit]. For an Xoshiro128 source the loop runs in WebAssembly
 * (./wasm/samplers.wat, the same operations) in 64 KB chunks copied into
 * `out`, or where WebAssembly is unavailable in JavaScript with the
 * generator's step inline on local copies of its state: the same stream as
 * nextUint32() either way.
 *
 * @packageDocumentation
 */
import {CHUNK_LENGTH, copyChunk, readState, samplerKernel, writeState} from './wasm/wasmSamplers.js';
import {RandomSource, Xoshiro128} from './xoshiro128.js';

/**
 * Fills `out` with U(-limit, limit) variates.
 *
 * @example
 * fillUniform(new Float32Array(4), new Xoshiro128(0), 1) // values in [-1, 1]
 */
export function fillUniform(out: Float32Array, source: RandomSource, limit: number): Float32Array {
  const step = limit / 2147483648;
  if (!(source instanceof Xoshiro128)) {
    for (let k = 0; k < out.length; k++) out[k] = ((source.nextUint32() | 0) + 0.5) * step;
    return out;
  }
  const kernel = samplerKernel();
  if (kernel) {
    writeState(kernel, source);
    for (let k = 0; k < out.length; k += CHUNK_LENGTH) {
      const count = Math.min(CHUNK_LENGTH, out.length - k);
      kernel.uniform(count, step);
      copyChunk(kernel, out, k, count);
    }
    readState(kernel, source);
    return out;
  }
  let {s0, s1, s2, s3} = source;
  for (let k = 0; k < out.length; k++) {
    // xoshiro128** step, as in Xoshiro128.nextUint32.
    const x = Math.imul(s1, 5);
    out[k] = (Math.imul((x << 7) | (x >>> 25), 9) + 0.5) * step;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
  }
  Object.assign(source, {s0, s1, s2, s3});
  return out;
}
