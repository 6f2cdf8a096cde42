/**
 * npm run bench: this package's initializers against TF.js's built-ins, in one
 * process, on the backend examples/backend.ts picks (tfjs-node if it loads,
 * else cpu; `--backend cpu|wasm|tensorflow` to choose). It measures the built
 * package (dist/cjs, what users run; npm run bench builds it first).
 *
 * For each shape and pair (EluHeNormal vs heNormal, EluHeUniform vs heUniform,
 * ActivationVarianceScaling normal vs varianceScaling normal), both seeded:
 * warm-up, then RUNS alternating A/B timings of `apply(shape)` (the tensor's
 * values read with dataSync so lazy backends finish, then disposed); reports
 * the median ns/sample of each and the speed ratio tf/ours. Memory: with gc()
 * between runs (node --expose-gc), the growth of process.memoryUsage()
 * .arrayBuffers from before an apply to after it, while the output is alive,
 * minus the output's own bytes: the extra memory an initialization retains
 * at its end (not its transient peak, which this cannot see).
 *
 * A second table repeats the two smaller shapes with the samplers'
 * WebAssembly loops switched off: the JavaScript fallback a page gets when its
 * Content-Security-Policy forbids compiling WebAssembly.
 */
import * as tf from '@tensorflow/tfjs';

import {backendDescription, selectBackend} from '../examples/backend';
import {markdownTable} from '../examples/markdownTable';

// The built package, typed from its sources (a plain require keeps tsc from needing dist/).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {ActivationVarianceScaling, EluHeNormal, EluHeUniform}: typeof import('../src/index') = require('../dist/cjs/index.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {useWasmSamplers}: typeof import('../src/random/wasm/wasmSamplers') = require('../dist/cjs/random/wasm/wasmSamplers.js');

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const SHAPES = [[4096, 4096], [3, 3, 256, 256], [784, 128]];

interface Pair {
  name: string;
  ours: () => {apply(shape: number[]): tf.Tensor};
  theirs: () => {apply(shape: number[]): tf.Tensor};
  target: number;
}

const PAIRS: Pair[] = [
  {name: 'truncated normal: EluHeNormal vs tf heNormal', ours: () => new EluHeNormal({seed: 1}),
    theirs: () => tf.initializers.heNormal({seed: 1}), target: 5},
  {name: 'uniform: EluHeUniform vs tf heUniform', ours: () => new EluHeUniform({seed: 1}),
    theirs: () => tf.initializers.heUniform({seed: 1}), target: 3},
  {name: 'normal: ActivationVarianceScaling vs tf varianceScaling', ours: () => new ActivationVarianceScaling({distribution: 'normal', seed: 1}),
    theirs: () => tf.initializers.varianceScaling({distribution: 'normal', seed: 1}), target: 0},
];

const gc: () => void = (globalThis as {gc?: () => void}).gc ?? (() => undefined);

function time(init: {apply(shape: number[]): tf.Tensor}, shape: number[]): number {
  const start = process.hrtime.bigint();
  const t = init.apply(shape);
  t.dataSync();
  const elapsed = Number(process.hrtime.bigint() - start);
  t.dispose();
  return elapsed;
}

/** Median of three measurements: a gc between runs can release unrelated memory and make one reading negative. */
function extraBytes(init: {apply(shape: number[]): tf.Tensor}, shape: number[]): number {
  return median([0, 1, 2].map(() => extraBytesOnce(init, shape)));
}

function extraBytesOnce(init: {apply(shape: number[]): tf.Tensor}, shape: number[]): number {
  gc();
  const before = process.memoryUsage().arrayBuffers;
  const t = init.apply(shape);
  t.dataSync();
  const after = process.memoryUsage().arrayBuffers;
  const extra = after - before - t.size * 4;
  t.dispose();
  gc();
  return extra;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const backend = process.argv.includes('--backend') ? process.argv[process.argv.indexOf('--backend') + 1] : undefined;
  await selectBackend(backend);
  tf.env().set('IS_TEST', true); // no "install tfjs-node" banner in the table
  console.log(`tfjs-elu-init benchmark: node ${process.version}, TF.js ${tf.version.tfjs}, backend ${backendDescription()}`);
  console.log(`median of ${RUNS} alternating A/B runs after one warm-up each; memory: retained extra / output bytes` +
              `${(globalThis as {gc?: unknown}).gc ? '' : ' (run with node --expose-gc for stable numbers)'}\n`);
  const header = ['shape', 'pair', 'ours ns/sample', 'tf ns/sample', 'speed-up', 'ours extra mem', 'tf extra mem'];
  const main = measure(SHAPES, true);
  console.log(markdownTable(header, main.rows, 2));
  const summary = PAIRS.map((p) => {
    const smallest = Math.min(...main.ratios.get(p.name)!);
    return `${p.name.split(':')[0]} ${smallest.toFixed(1)}x${p.target ? ` (target ${p.target}x: ${smallest >= p.target ? 'met' : 'MISSED'})` : ''}`;
  });
  console.log(`\nSmallest speed-ups over all shapes: ${summary.join('; ')}`);

  console.log('\nJavaScript fallback (WebAssembly loops off, as under a CSP without wasm-unsafe-eval):\n');
  const fallback = measure(SHAPES.slice(1), false);
  console.log(markdownTable(header.slice(0, 5), fallback.rows.map((r) => r.slice(0, 5)), 2));
}

/** Times every pair on every shape (with the samplers' WebAssembly loops on or off). */
function measure(shapes: number[][], wasm: boolean): {rows: string[][]; ratios: Map<string, number[]>} {
  useWasmSamplers(wasm);
  const rows: string[][] = [];
  const ratios = new Map<string, number[]>();
  for (const shape of shapes) {
    const size = shape.reduce((a, b) => a * b, 1);
    for (const pair of PAIRS) {
      const ours = pair.ours();
      const theirs = pair.theirs();
      time(ours, shape);
      time(theirs, shape);
      const a: number[] = [];
      const b: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        a.push(time(ours, shape));
        b.push(time(theirs, shape));
      }
      const oursNs = median(a) / size;
      const theirsNs = median(b) / size;
      const ratio = theirsNs / oursNs;
      ratios.set(pair.name, [...(ratios.get(pair.name) ?? []), ratio]);
      const memory = wasm ? [`${(extraBytes(ours, shape) / (size * 4)).toFixed(2)}x`, `${(extraBytes(theirs, shape) / (size * 4)).toFixed(2)}x`] : [];
      rows.push([JSON.stringify(shape), pair.name, oursNs.toFixed(2), theirsNs.toFixed(2), `${ratio.toFixed(1)}x`, ...memory]);
    }
  }
  useWasmSamplers(true);
  return {rows, ratios};
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
