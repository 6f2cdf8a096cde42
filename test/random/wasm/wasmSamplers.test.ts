/**
 * The WebAssembly loops (src/random/wasm/samplers.wat) must give exactly the
 * values of the JavaScript loops they replace: the JS loops are the fallback
 * where WebAssembly cannot run, and a seed must mean the same weights there.
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import * as path from 'node:path';

import {exp, log} from '../../../src/math/portable';
import {fillUniform} from '../../../src/random/uniform';
import {readState, samplerKernel, useWasmSamplers, writeState} from '../../../src/random/wasm/wasmSamplers';
import {Xoshiro128} from '../../../src/random/xoshiro128';
import {fillZiggurat, zigguratSlowPath} from '../../../src/random/ziggurat';
import {ACCEPT_BELOW} from '../../../src/random/zigguratTables';

const root = path.join(__dirname, '../../..');

/** Runs fill with the WebAssembly loops on or off; returns the values and the generator's next word after. */
function run(wasm: boolean, fill: (rng: Xoshiro128) => Float32Array, seed: number): {values: Float32Array; next: number} {
  useWasmSamplers(wasm);
  try {
    const rng = new Xoshiro128(seed);
    const values = fill(rng);
    return {values, next: rng.nextUint32()};
  } finally {
    useWasmSamplers(true);
  }
}

/** Index of the first element whose bits differ (Object.is: -0 and NaN count), or -1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('WebAssembly samplers', () => {
  test('the module compiles and instantiates in Node', () => {
    expect(samplerKernel()).not.toBeNull();
  });

  test('samplersBinary.ts is the assembly of samplers.wat as committed (run npm run build:wasm after editing it)', () => {
    const generated = execFileSync(process.execPath, ['--input-type=module', '-e',
      'import {generatedSource} from "./scripts/build-wasm.mjs"; process.stdout.write(await generatedSource());'],
    {cwd: root, encoding: 'utf8'});
    expect(generated).toBe(readFileSync(path.join(root, 'src/random/wasm/samplersBinary.ts'), 'utf8'));
  });

  // Lengths around the 16384-value chunk and the 64-word batches; bounds: none, the
  // initializers' 2, one that rejects most words (0.3), and ones beyond the tail's start.
  const lengths = [0, 1, 2, 63, 64, 65, 1000, 16383, 16384, 16385, 40000, 123457];
  test.each([[Infinity], [2], [0.3], [3.5], [5]])('ziggurat: the same values and generator state as the JS loop (bound %p)', (bound) => {
    for (const length of lengths) {
      for (const seed of [0, 1, 2, -7, 2 ** 40]) {
        const fill = (rng: Xoshiro128) => fillZiggurat(new Float32Array(length), rng, 0.37, bound);
        const wasm = run(true, fill, seed);
        const js = run(false, fill, seed);
        expect({length, seed, firstDifference: firstDifference(wasm.values, js.values)}).toEqual({length, seed, firstDifference: -1});
        expect(wasm.next).toBe(js.next);
      }
    }
  });

  test('ziggurat: consecutive calls on one generator continue the same stream in both', () => {
    const fill = (rng: Xoshiro128) => {
      const a = fillZiggurat(new Float32Array(30000), rng, 1, 2);
      const b = fillZiggurat(new Float32Array(777), rng, 2, Infinity);
      return Float32Array.from([...a, ...b]);
    };
    expect(firstDifference(run(true, fill, 5).values, run(false, fill, 5).values)).toBe(-1);
  });

  test('uniform: the same values and generator state as the JS loop', () => {
    for (const length of lengths) {
      for (const seed of [0, 1, 3]) {
        const fill = (rng: Xoshiro128) => fillUniform(new Float32Array(length), rng, 0.81);
        const wasm = run(true, fill, seed);
        const js = run(false, fill, seed);
        expect(firstDifference(wasm.values, js.values)).toBe(-1);
        expect(wasm.next).toBe(js.next);
      }
    }
  });

  test('its exp and log are portable.ts exp and log, bit for bit', () => {
    const kernel = samplerKernel()!;
    const inputs: number[] = [0, -0, Infinity, -Infinity, NaN, 5e-324, 2.2250738585072014e-308, 709.782712893384,
      709.7827128933841, -745.1332191019412, -745.1332191019413, 0.5, -0.5, 1.4142135623730951, 1.414213562373095];
    for (let e = -1074; e <= 1023; e++) inputs.push(2 ** e, 2 ** e * 1.4142135623730951, -(2 ** e) / 3);
    // Ties of Math.round(x / ln 2): odd multiples of ln2 / 2, where round-half-up and ties-to-even differ.
    for (let i = -1500; i <= 1500; i++) inputs.push((i + 0.5) * 0.6931471805599453, (i + 0.5) * 0.6931471805599453 * (1 + 2 ** -52));
    const rng = new Xoshiro128(11);
    const bits = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 100000; i++) {
      bits.setUint32(0, rng.nextUint32());
      bits.setUint32(4, rng.nextUint32());
      inputs.push(bits.getFloat64(0), -750 + 1470 * ((rng.nextUint32() + 0.5) / 2 ** 32), (rng.nextUint32() + 0.5) / 2 ** 32);
    }
    const mismatches = inputs.filter((x) => !Object.is(kernel.exp(x), exp(x)) || !Object.is(kernel.log(x), log(x)));
    expect(mismatches).toEqual([]);
  });

  test('its slow path (wedges and the tail) is zigguratSlowPath in full double precision, draws included', () => {
    // Float32 outputs can hide a last-bit difference in a double; this cannot.
    const kernel = samplerKernel()!;
    const words = new Xoshiro128(21);
    const js = new Xoshiro128(22);
    const wasm = new Xoshiro128(22);
    let tails = 0;
    for (let i = 0; i < 20000; i++) {
      let u = words.nextUint32();
      // Every layer, with magnitudes that fail its fast test; layer 0 (the tail) often.
      const layer = i % 3 === 0 ? 0 : u & 127;
      u = ACCEPT_BELOW[layer] + (u >>> 8) % (2 ** 24 - ACCEPT_BELOW[layer]);
      if (layer === 0) tails++;
      const want = zigguratSlowPath(js, layer, u);
      writeState(kernel, wasm);
      const got = kernel.slowPath(layer, u);
      readState(kernel, wasm);
      if (!Object.is(got, want)) throw new Error(`layer ${layer}, magnitude ${u}: wasm ${got}, js ${want}`);
    }
    expect(tails).toBeGreaterThan(6000);
    expect(wasm.nextUint32()).toBe(js.nextUint32());
  });

  test('without WebAssembly (e.g. a page whose CSP forbids it) the JS loops run, with the same values', () => {
    const expected = run(true, (rng) => fillZiggurat(new Float32Array(5000), rng, 1, 2), 9).values;
    const saved = globalThis.WebAssembly;
    try {
      (globalThis as {WebAssembly?: unknown}).WebAssembly = undefined;
      jest.isolateModules(() => {
        // A fresh copy of the modules, which finds no WebAssembly.
        const fresh = jest.requireActual('../../../src/random/wasm/wasmSamplers');
        const freshZiggurat = jest.requireActual('../../../src/random/ziggurat');
        const freshXoshiro = jest.requireActual('../../../src/random/xoshiro128');
        expect(fresh.samplerKernel()).toBeNull();
        const values = freshZiggurat.fillZiggurat(new Float32Array(5000), new freshXoshiro.Xoshiro128(9), 1, 2);
        expect(firstDifference(values, expected)).toBe(-1);
      });
    } finally {
      globalThis.WebAssembly = saved;
    }
  });
});
