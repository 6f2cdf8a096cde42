/**
 * Picks the fastest TF.js backend this machine can load, for the examples,
 * benchmarks and tests: tfjs-node when its native library is installed,
 * else the pure-JS `cpu` backend. `wasm` (@tensorflow/tfjs-backend-wasm, whose
 * binary ships in its npm package) on request. Says which it picked.
 */
import * as tf from '@tensorflow/tfjs';

/** The backend in use after {@link selectBackend}: 'tensorflow' (tfjs-node) or 'cpu'. */
export async function selectBackend(preferred?: string): Promise<string> {
  if (preferred === undefined || preferred === 'tensorflow') {
    try {
      // tfjs-node is an optionalDependency: npm skips it where its install
      // (which downloads libtensorflow) fails. It registers itself on load.
      require('@tensorflow/tfjs-node');
    } catch {
      if (preferred === 'tensorflow') throw new Error('backend "tensorflow": @tensorflow/tfjs-node is not installed');
    }
  }
  if (preferred === 'wasm') require('@tensorflow/tfjs-backend-wasm'); // registers the backend
  const candidates = preferred !== undefined ? [preferred] : ['tensorflow', 'cpu'];
  for (const name of candidates) {
    if (tf.findBackendFactory(name) !== null && (await tf.setBackend(name))) return tf.getBackend();
  }
  throw new Error(`no TF.js backend among ${candidates.join(', ')} could be initialised`);
}

/** One line naming the backend, for logs. */
export function backendDescription(): string {
  const name = tf.getBackend();
  if (name === 'tensorflow') return 'tensorflow (tfjs-node, native)';
  if (name === 'wasm') return 'wasm (@tensorflow/tfjs-backend-wasm)';
  return `${name} (pure JS${tf.findBackendFactory('tensorflow') === null ? '; tfjs-node not loaded' : ''})`;
}
