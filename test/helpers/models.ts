import * as tf from '@tensorflow/tfjs';

export const MIXED = ['elu', 'tanh', 'gelu', 'linear'] as const;

/** A chain of Dense layers cycling ELU, tanh, GELU, linear; glorotUniform (TF.js's default) everywhere. */
export function mixedMlp(depth: number, width: number): tf.Sequential {
  const model = tf.sequential();
  for (let i = 0; i < depth; i++) {
    model.add(tf.layers.dense({...(i === 0 ? {inputShape: [width]} : {}), units: width, activation: MIXED[i % 4]}));
  }
  return model;
}
