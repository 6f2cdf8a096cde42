/**
 * The samplers' hot loops in WebAssembly (./samplers.wat): the same values as
 * the JavaScript loops in ../uniform.ts and ../ziggurat.ts, bit for bit, in a
 * fraction of the time. Where WebAssembly is unavailable (an engine without it,
 * or a page whose Content-Security-Policy forbids compiling it) the samplers
 * run their JavaScript loops instead, with the same results.
 *
 * One instance per realm, created on first use (a 2 KB module, compiled
 * synchronously: allowed on a browser's main thread below 4 KB). Its memory
 * holds the generator state, the tables and a 64 KB chunk that each call fills
 * and the caller copies into the output array, so the output is an ordinary
 * Float32Array that TF.js can own, and the extra memory is 128 KB in all.
 *
 * @packageDocumentation
 */
import {POWERS_OF_TWO} from '../../math/portable.js';
import {ACCEPT_BELOW, LAYERS, VALUE_PER_UNIT, ZIGGURAT_F} from '../zigguratTables.js';
import {Xoshiro128} from '../xoshiro128.js';
import {SAMPLERS_WASM_HEX} from './samplersBinary.js';

/** Values per call of `uniform` / `ziggurat`: the chunk at byte 65536 of the memory. */
export const CHUNK_LENGTH = 16384;
/** Slow-path words per batch of the ziggurat (JS and WebAssembly alike); samplers.wat has it as the literal 64. */
export const PENDING_LENGTH = 64;

/** The instance's exports and typed views of its memory (the layout in samplers.wat). */
export interface SamplerKernel {
  /** s0, s1, s2, s3 of the generator, then the count of pending words. */
  readonly header: Int32Array;
  readonly pendingSlot: Int32Array;
  readonly fastBelow: Int32Array;
  readonly slowFrom: Int32Array;
  readonly signedValue: Float64Array;
  readonly resolved: Float64Array;
  readonly chunk: Float32Array;
  /** Fills chunk[0, count) with uniforms (int32(word) + 0.5) * step. */
  uniform(count: number, step: number): void;
  /** Runs the ziggurat's fast loop for up to count slots; returns the slots written. */
  ziggurat(count: number, slot0: number): number;
  /** Resolves the pending words into resolved[]; resets the pending count. */
  resolve(stddev: number, bound: number): void;
  /** zigguratSlowPath with the kernel's generator state (for the tests that compare them). */
  slowPath(layer: number, magnitude: number): number;
  /** portable.ts exp and log (for the tests that compare them). */
  exp(x: number): number;
  log(x: number): number;
}

let kernel: SamplerKernel | null | undefined;
let enabled = true;

/**
 * The shared instance, or null where WebAssembly cannot run here (or after
 * `useWasmSamplers(false)`).
 */
export function samplerKernel(): SamplerKernel | null {
  if (!enabled) return null;
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

/**
 * Turns the WebAssembly loops on or off (on by default); off, the samplers run
 * their JavaScript loops. For tests and benchmarks: the values are the same.
 *
 * @internal
 */
export function useWasmSamplers(on: boolean): void {
  enabled = on;
}

/** Copies a generator's state into the kernel. */
export function writeState(k: SamplerKernel, rng: Xoshiro128): void {
  k.header[0] = rng.s0;
  k.header[1] = rng.s1;
  k.header[2] = rng.s2;
  k.header[3] = rng.s3;
}

/** Copies the kernel's state back into the generator. */
export function readState(k: SamplerKernel, rng: Xoshiro128): void {
  rng.s0 = k.header[0];
  rng.s1 = k.header[1];
  rng.s2 = k.header[2];
  rng.s3 = k.header[3];
}

/** Copies the first `count` values of the kernel's chunk into `out` at `offset`. */
export function copyChunk(k: SamplerKernel, out: Float32Array, offset: number, count: number): void {
  out.set(count === CHUNK_LENGTH ? k.chunk : k.chunk.subarray(0, count), offset);
}

function instantiate(): SamplerKernel | null {
  let instance: WebAssembly.Instance;
  try {
    if (typeof WebAssembly !== 'object') return null;
    const bytes = new Uint8Array(SAMPLERS_WASM_HEX.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(SAMPLERS_WASM_HEX.substr(2 * i, 2), 16);
    instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
  } catch {
    return null; // e.g. CompileError under a Content-Security-Policy without 'wasm-unsafe-eval'
  }
  const exports = instance.exports as unknown as Omit<SamplerKernel, 'header' | 'pendingSlot' | 'fastBelow' |
    'slowFrom' | 'signedValue' | 'resolved' | 'chunk'> & {memory: WebAssembly.Memory};
  const buffer = exports.memory.buffer; // fixed size (2 pages, no growth): views stay valid
  new Int32Array(buffer, 4096, LAYERS).set(ACCEPT_BELOW);
  new Float64Array(buffer, 4608, LAYERS).set(VALUE_PER_UNIT);
  new Float64Array(buffer, 5632, LAYERS + 1).set(ZIGGURAT_F);
  new Float64Array(buffer, 8192, POWERS_OF_TWO.length).set(POWERS_OF_TWO);
  return {
    header: new Int32Array(buffer, 0, 5),
    pendingSlot: new Int32Array(buffer, 320, PENDING_LENGTH),
    fastBelow: new Int32Array(buffer, 1024, LAYERS),
    slowFrom: new Int32Array(buffer, 1536, LAYERS),
    signedValue: new Float64Array(buffer, 2048, 2 * LAYERS),
    resolved: new Float64Array(buffer, 6672, PENDING_LENGTH),
    chunk: new Float32Array(buffer, 65536, CHUNK_LENGTH),
    uniform: exports.uniform,
    ziggurat: exports.ziggurat,
    resolve: exports.resolve,
    slowPath: exports.slowPath,
    exp: exports.exp,
    log: exports.log,
  };
}
