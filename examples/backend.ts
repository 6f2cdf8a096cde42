/**
 * Picks the fastest TF.js backend this machine can load, for the examples,
 * benchmarks and tests: tfjs-node when its native library is installed,
 * else the pure-JS `cpu` backend. Says which it picked.
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
  const candidates = preferred !== undefined ? [preferred] : ['tensorflow', 'cpu'];
  for (const name of candidates) {
    if (tf.findBackendFactory(name) !== null && (await tf.setBackend(name))) return tf.getBackend();
  }
  throw new Error(`no TF.js backend among ${candidates.join(', ')} could be initialised`);
}

/** One line naming the backend, for logs. */
export function backendDescription(): string {
  const name = tf.getBackend();
  return name === 'tensorflow' ? 'tensorflow (tfjs-node, native)' :
                                 `${name} (tfjs-node not loaded; pure JS)`;
}
