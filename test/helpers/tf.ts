import * as tf from '@tensorflow/tfjs';

import {selectBackend} from '../../examples/backend';

let selected: Promise<string>|undefined;

/** Selects tfjs-node when it loads, else cpu; once per test file. */
export function useBackend(): Promise<string> {
  // Quiets TF.js's "install tfjs-node" banner (log.warn is silent under IS_TEST).
  tf.env().set('IS_TEST', true);
  selected ??= selectBackend();
  return selected;
}

/** Runs `fn` and asserts it leaves no tensor behind. */
export async function expectNoLeak<T>(fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  expect(tf.memory().numTensors).toBe(before);
  return result;
}

/** The values of a tensor, disposing it. */
export function takeValues(t: tf.Tensor): Float32Array {
  const values = t.dataSync() as Float32Array;
  t.dispose();
  return values;
}
