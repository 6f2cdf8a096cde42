/**
 * xoshiro128**: a small, fast 32-bit generator with 128 bits of state.
 *
 * Method: Blackman and Vigna, "Scrambled linear pseudorandom number generators"
 * (ACM TOMS 2021), reference code at prng.di.unimi.it; period 2^128 - 1, passes
 * BigCrush, all 32 output bits usable. The state is filled from the integer
 * seed by the MurmurHash3 finaliser (a bijection on 32-bit words) applied to
 * the seed's low and high words with distinct per-word offsets, so every safe
 * integer seed (0 and negatives included) gives its own stream.
 *
 * @packageDocumentation
 */

/** A source of uniformly distributed unsigned 32-bit integers; inject one into the samplers. */
export interface RandomSource {
  /** The next uniform integer in [0, 2^32). */
  nextUint32(): number;
}

/** MurmurHash3's fmix32: a bijective avalanche mix of a 32-bit word. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Seeded xoshiro128** generator.
 *
 * @example
 * const rng = new Xoshiro128(0);
 * rng.nextUint32(); // 3987602176 (pinned in test/random/xoshiro128.test.ts)
 */
export class Xoshiro128 implements RandomSource {
  // The state words. Public for the samplers in this folder, which run the
  // same step inline on local copies (a call per word costs 2x there) or
  // hand them to the WebAssembly loops (./wasm/wasmSamplers.ts).
  /** @internal */ s0: number;
  /** @internal */ s1: number;
  /** @internal */ s2: number;
  /** @internal */ s3: number;

  /** @param seed - Any safe integer; callers validate it. */
  constructor(seed: number) {
    const lo = seed >>> 0; // seed mod 2^32, also for negative seeds
    const hi = Math.floor(seed / 4294967296) | 0;
    this.s0 = fmix32(fmix32(lo + 0x9e3779b9) ^ hi);
    this.s1 = fmix32(fmix32(lo + 0x3c6ef372) ^ (hi + 0x7f4a7c15));
    this.s2 = fmix32(fmix32(lo + 0xdaa66d2b) ^ (hi + 0x1ce4e5b9));
    this.s3 = fmix32(fmix32(lo + 0x78dde6e4) ^ (hi + 0x94d049bb));
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // the one forbidden state
  }

  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }
}

/**
 * A uniform double in the open interval (0, 1) from one 32-bit draw.
 *
 * @example
 * openUnitInterval(new Xoshiro128(0)) // 0.9284359813900664
 */
export function openUnitInterval(source: RandomSource): number {
  return (source.nextUint32() + 0.5) * 2.3283064365386963e-10;
}

/** A fresh seed from Math.random, for initializers constructed without one. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296);
}
