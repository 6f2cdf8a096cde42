/**
 * The samplers alone, without TF.js (whose single-file build needs 'unsafe-eval'):
 * samplers.html runs this with and without a Content-Security-Policy that
 * forbids compiling WebAssembly, and the browser test checks that both give
 * Node's bits. Puts its result on `window.samplersCheck`.
 */
import {fillTruncatedNormal} from '../../src/random/truncatedNormal';
import {fillUniform} from '../../src/random/uniform';
import {samplerKernel} from '../../src/random/wasm/wasmSamplers';
import {Xoshiro128} from '../../src/random/xoshiro128';
import {fnv1a} from './fnv1a';

const result = {
  usedWebAssembly: samplerKernel() !== null,
  truncatedNormalHash: fnv1a(fillTruncatedNormal(new Float32Array(300000), new Xoshiro128(0), 1, 2)),
  uniformHash: fnv1a(fillUniform(new Float32Array(100000), new Xoshiro128(0), 1)),
};
(window as unknown as {samplersCheck: typeof result}).samplersCheck = result;
document.getElementById('result')!.textContent = JSON.stringify(result, null, 2);
