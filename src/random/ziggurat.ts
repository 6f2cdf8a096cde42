/**
 * The ziggurat for the standard normal: its tables and its slow path.
 *
 * Method: Marsaglia and Tsang, "The Ziggurat Method for Generating Random
 * Variables", J. Stat. Software 5(8), 2000, with 128 layers (r = 3.442619855899,
 * layer area v = 9.91256303526217e-3). One 32-bit word gives the layer (bits
 * 0-6), the sign (bit 7) and a 24-bit magnitude (bits 8-31), so the layer and
 * the value never share bits (the flaw Doornik, 2005, found in the original).
 * 98.8% of words take the fast path: one compare and one multiply, no log,
 * sqrt or exp. The rest are wedges (an exp) or the tail beyond r (Marsaglia's
 * exponential rejection, two logs). exp and log are ./portable's, so tables and
 * streams are the same bits on every JS engine.
 *
 * @packageDocumentation
 */
import {exp, log} from '../math/portable.js';
import {openUnitInterval, RandomSource, Xoshiro128} from './xoshiro128.js';

const LAYERS = 128;
/** Right edge of the base layer's rectangle, where the tail starts. */
export const ZIGGURAT_R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const TWO_POW_24 = 16777216;

function density(x: number): number {
  return exp(-0.5 * x * x);
}

/** Layer right edges x[i] (x[0]: the base strip's virtual width, x[128] = 0) and f(x[i]) = exp(-x[i]^2/2). */
export const ZIGGURAT_X = new Float64Array(LAYERS + 1);
export const ZIGGURAT_F = new Float64Array(LAYERS + 1);
/** Per layer: the fast path accepts magnitudes below ACCEPT_BELOW[i], and the value is magnitude * VALUE_PER_UNIT[i]. */
export const ACCEPT_BELOW = new Uint32Array(LAYERS);
export const VALUE_PER_UNIT = new Float64Array(LAYERS);

ZIGGURAT_X[0] = AREA / density(ZIGGURAT_R);
ZIGGURAT_X[1] = ZIGGURAT_R;
for (let i = 1; i < LAYERS - 1; i++) {
  ZIGGURAT_X[i + 1] = Math.sqrt(-2 * log(AREA / ZIGGURAT_X[i] + density(ZIGGURAT_X[i])));
}
ZIGGURAT_X[LAYERS] = 0;
for (let i = 0; i <= LAYERS; i++) ZIGGURAT_F[i] = density(ZIGGURAT_X[i]);
for (let i = 0; i < LAYERS; i++) {
  ACCEPT_BELOW[i] = Math.floor((ZIGGURAT_X[i + 1] / ZIGGURAT_X[i]) * TWO_POW_24);
  VALUE_PER_UNIT[i] = ZIGGURAT_X[i] / TWO_POW_24;
}

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

/** Slow-path words resolved per batch in {@link fillZiggurat}. */
const PENDING = 64;

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
 * Speed: for an Xoshiro128 source the generator's step runs inline on local
 * copies of its state (written back around the resolution step and at the
 * end): the same stream as nextUint32(), at a fraction of the cost. Small
 * per-call tables fold the sign, stddev and bound into the fast path: one
 * table compare and one multiply per word, no data-dependent branch on the
 * sign, no exp or log for words whose outcome can only be |z| >= bound.
 */
export function fillZiggurat(out: Float32Array, source: RandomSource, stddev: number, bound: number): Float32Array {
  // fastBelow[i]: magnitudes below it are on the fast path and inside the bound.
  const fastBelow = new Int32Array(LAYERS);
  // slowFrom[i]: magnitudes from it on take the slow path; 2^24 (never) when that path cannot return |z| < bound.
  const slowFrom = new Int32Array(LAYERS);
  const signedValue = new Float64Array(2 * LAYERS);
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
  const pendingWord = new Int32Array(PENDING);
  const pendingSlot = new Int32Array(PENDING);
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
    while (k < n && pending < PENDING) {
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
