/**
 * The ziggurat for the standard normal: its slow path and the fill loop (the
 * tables are in ./zigguratTables.ts, the WebAssembly loop in ./wasm).
 *
 * Method: Marsaglia and Tsang, "The Ziggurat Method for Generating Random
 * Variables", J. Stat. Software 5(8), 2000, with 128 layers (r = 3.442619855899,
 * layer area v = 9.91256303526217e-3). One 32-bit word gives the layer (bits
 * 0-6), the sign (bit 7) and a 24-bit magnitude (bits 8-31), so the layer and
 * the value never share bits (the flaw Doornik, 2005, found in the original).
 * 97.2% of words take the fast path: one compare and one multiply, no log,
 * sqrt or exp. The rest are wedges (an exp) or the tail beyond r (Marsaglia's
 * exponential rejection, two logs). exp and log are ../math/portable's, so
 * streams are the same bits on every JS engine.
 *
 * @packageDocumentation
 */
import {log} from '../math/portable.js';
import {CHUNK_LENGTH, copyChunk, PENDING_LENGTH, readState, samplerKernel, SamplerKernel, writeState} from './wasm/wasmSamplers.js';
import {ACCEPT_BELOW, density, LAYERS, TWO_POW_24, VALUE_PER_UNIT, ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X} from './zigguratTables.js';
import {openUnitInterval, RandomSource, Xoshiro128} from './xoshiro128.js';

export {ACCEPT_BELOW, VALUE_PER_UNIT, ZIGGURAT_F, ZIGGURAT_R, ZIGGURAT_X} from './zigguratTables.js';

/**
 * The slow path for a word whose magnitude failed the fast test: the tail
 * (layer 0) or a wedge. Returns |z|, or NaN when the point is rejected (draw a
 * new word). Draws its extra uniforms from `source`.
 */
export function zigguratSlowPath(source: RandomSource, layer: number, magnitude: number): number {
  if (layer === 0) {
    // Tail beyond r: r + a with a ~ Exp(r), accepted with probability exp(-a^2/2).
    for (;;) {
      const a = -log(openUnitInterval(source)) / ZIGGURAT_R;
      const b = -log(openUnitInterval(source));
      if (b + b >= a * a) return ZIGGURAT_R + a;
    }
  }
  const z = magnitude * VALUE_PER_UNIT[layer];
  const y = ZIGGURAT_F[layer] + openUnitInterval(source) * (ZIGGURAT_F[layer + 1] - ZIGGURAT_F[layer]);
  return y < density(z) ? z : NaN;
}

/** Longest output the WebAssembly loop fills (its slot indices are int32). */
const MAX_KERNEL_LENGTH = 2 ** 31 - CHUNK_LENGTH;

/**
 * One attempt-until-accepted draw of |z| < bound, signed and scaled: what a
 * reserved slot gets when its first (slow-path) attempt is rejected.
 */
function oneVariate(source: RandomSource, stddev: number, bound: number): number {
  for (;;) {
    const u = source.nextUint32();
    const layer = u & 127;
    const magnitude = u >>> 8;
    let z = magnitude * VALUE_PER_UNIT[layer];
    if (magnitude >= ACCEPT_BELOW[layer]) z = zigguratSlowPath(source, layer, magnitude);
    if (z === z && z < bound) return u & 128 ? -stddev * z : stddev * z;
  }
}

/** The per-call tables of {@link fillZiggurat}, written into `tables` (the kernel's, or fresh arrays). */
interface CallTables {
  /** fastBelow[i]: magnitudes below it are on the fast path and inside the bound. */
  fastBelow: Int32Array;
  /** slowFrom[i]: magnitudes from it on take the slow path; 2^24 (never) when that path cannot return |z| < bound. */
  slowFrom: Int32Array;
  /** signedValue[i + 128 * sign]: the value per magnitude unit in layer i, with stddev and sign. */
  signedValue: Float64Array;
}

function fillCallTables(tables: CallTables, stddev: number, bound: number): void {
  const {fastBelow, slowFrom, signedValue} = tables;
  for (let i = 0; i < LAYERS; i++) {
    let below = ACCEPT_BELOW[i];
    if (bound !== Infinity) {
      // Smallest m with m * VALUE_PER_UNIT[i] >= bound, exactly in floating point.
      let first = Math.ceil(bound / VALUE_PER_UNIT[i]);
      while (first > 0 && (first - 1) * VALUE_PER_UNIT[i] >= bound) first--;
      while (first * VALUE_PER_UNIT[i] < bound) first++;
      below = Math.min(below, first);
    }
    fastBelow[i] = below;
    slowFrom[i] = (i === 0 ? ZIGGURAT_R : ZIGGURAT_X[i + 1]) < bound ? ACCEPT_BELOW[i] : TWO_POW_24;
    signedValue[i] = stddev * VALUE_PER_UNIT[i];
    signedValue[i + LAYERS] = -stddev * VALUE_PER_UNIT[i];
  }
}

/**
 * Fills `out` with N(0, stddev^2) variates conditioned on |z| < bound
 * (bound = Infinity: the plain normal). Exact.
 *
 * Method: each output slot is filled by ziggurat attempts until one is
 * accepted (|z| < bound). A tight loop with no function calls handles the
 * common words: a fast-path word inside the bound fills the next slot, one
 * outside it is skipped (as rejection sampling does). A word that needs the
 * slow path (a wedge or the tail) reserves the next slot and is set aside;
 * every 64 such words, or at the end, they are resolved in order: the slow
 * path (with its extra uniforms drawn from the source now), and if that
 * rejects, fresh attempts for that slot until one is accepted. Every slot
 * thus holds the first accepted attempt of its own i.i.d. sequence of
 * attempts, so the values are exactly i.i.d. from the target, and the result
 * is a deterministic function of the seed. (Keeping calls out of the hot loop
 * roughly halves its cost in V8.)
 *
 * Speed: for an Xoshiro128 source the loop and the resolution run in
 * WebAssembly (./wasm/samplers.wat, the same operations, so the same values)
 * in 64 KB chunks copied into `out`; where WebAssembly is unavailable, in
 * JavaScript with the generator's step inline on local copies of its state.
 * Small per-call tables fold the sign, stddev and bound into the fast path:
 * one table compare and one multiply per word, no data-dependent branch on
 * the sign, no exp or log for words whose outcome can only be |z| >= bound.
 */
export function fillZiggurat(out: Float32Array, source: RandomSource, stddev: number, bound: number): Float32Array {
  // The kernel keeps slot indices in int32: outputs of 2^31 values and more (8 GB) take the JS loop.
  const kernel = source instanceof Xoshiro128 && out.length < MAX_KERNEL_LENGTH ? samplerKernel() : null;
  if (kernel) return fillWithKernel(kernel, out, source as Xoshiro128, stddev, bound);
  const tables = {fastBelow: new Int32Array(LAYERS), slowFrom: new Int32Array(LAYERS), signedValue: new Float64Array(2 * LAYERS)};
  fillCallTables(tables, stddev, bound);
  const {fastBelow, slowFrom, signedValue} = tables;
  const pendingWord = new Int32Array(PENDING_LENGTH);
  const pendingSlot = new Int32Array(PENDING_LENGTH);
  const rng = source instanceof Xoshiro128 ? source : null;
  const n = out.length;
  let k = 0;
  while (k < n) {
    let pending = 0;
    // The generator state in locals for the batch (a loop-invariant branch picks
    // the inlined step for an Xoshiro128, one call per word for any other source).
    let s0 = rng ? rng.s0 : 0;
    let s1 = rng ? rng.s1 : 0;
    let s2 = rng ? rng.s2 : 0;
    let s3 = rng ? rng.s3 : 0;
    while (k < n && pending < PENDING_LENGTH) {
      let u: number;
      if (rng) {
        // xoshiro128** step, as in Xoshiro128.nextUint32.
        const x = Math.imul(s1, 5);
        u = Math.imul((x << 7) | (x >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
      } else {
        u = source.nextUint32() | 0;
      }
      const layer = u & 127;
      const magnitude = u >>> 8;
      if (magnitude < fastBelow[layer]) {
        out[k++] = magnitude * signedValue[u & 255];
      } else if (magnitude >= slowFrom[layer]) {
        pendingWord[pending] = u;
        pendingSlot[pending++] = k++;
      }
    }
    if (rng) Object.assign(rng, {s0, s1, s2, s3});
    for (let i = 0; i < pending; i++) {
      const u = pendingWord[i];
      const z = zigguratSlowPath(source, u & 127, u >>> 8);
      out[pendingSlot[i]] = z === z && z < bound ? (u & 128 ? -stddev * z : stddev * z) : oneVariate(source, stddev, bound);
    }
  }
  return out;
}

/**
 * fillZiggurat in WebAssembly: the kernel's `ziggurat` fills its chunk (which
 * is copied to `out`) until the chunk is full or 64 words are pending; a batch
 * ends as in the JS loop (64 pending, or `out` full), and `resolve` then gives
 * the pending slots their values.
 */
function fillWithKernel(kernel: SamplerKernel, out: Float32Array, rng: Xoshiro128, stddev: number, bound: number): Float32Array {
  fillCallTables(kernel, stddev, bound);
  const {header, pendingSlot, resolved} = kernel;
  writeState(kernel, rng);
  header[4] = 0;
  const n = out.length;
  let k = 0;
  while (k < n) {
    const written = kernel.ziggurat(Math.min(CHUNK_LENGTH, n - k), k);
    copyChunk(kernel, out, k, written);
    k += written;
    const pending = header[4];
    if (written === 0 && pending < PENDING_LENGTH) throw new Error(`tfjs-elu-init internal error: the WebAssembly ziggurat stalled at ${k} of ${n}`);
    if (pending >= PENDING_LENGTH || (k === n && pending > 0)) {
      kernel.resolve(stddev, bound);
      for (let i = 0; i < pending; i++) out[pendingSlot[i]] = resolved[i];
    }
  }
  readState(kernel, rng);
  return out;
}
