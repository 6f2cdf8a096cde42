/**
 * The ziggurat's tables for the standard normal (128 layers), shared by the
 * JavaScript loops in ./ziggurat.ts and the WebAssembly ones in ./wasm.
 *
 * Method: Marsaglia and Tsang, "The Ziggurat Method for Generating Random
 * Variables", J. Stat. Software 5(8), 2000, with 128 layers (r = 3.442619855899,
 * layer area v = 9.91256303526217e-3): x[i+1] solves v = x[i] (f(x[i+1]) - f(x[i])).
 * exp and log are ../math/portable's, so the tables are the same bits on every
 * JS engine.
 *
 * @packageDocumentation
 */
import {exp, log} from '../math/portable.js';

/** Number of layers; a word's bits 0-6 pick one. */
export const LAYERS = 128;
/** Right edge of the base layer's rectangle, where the tail starts. */
export const ZIGGURAT_R = 3.442619855899;
const AREA = 9.91256303526217e-3;
/** Magnitudes are 24-bit: bits 8-31 of the word. */
export const TWO_POW_24 = 16777216;

/** The unnormalised standard normal density exp(-x^2/2). */
export function density(x: number): number {
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

