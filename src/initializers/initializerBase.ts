/**
 * The TF.js `Initializer` base class, taken from the user's own TF.js instance.
 *
 * tfjs-layers does not export `Initializer` from its root, but `getInitializer`
 * (which every layer uses on `kernelInitializer`) accepts an object only if it is
 * `instanceof` that class. Importing it from a deep path could load a second
 * copy of tfjs-layers; instead the class is read off a built-in initializer's
 * prototype chain, so it is the very class the user's layers check against.
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

/** Instance type of TF.js's Initializer (structurally: apply, getConfig, getClassName). */
export type TfInitializer = ReturnType<typeof tf.initializers.zeros>;

type InitializerConstructor = abstract new () => TfInitializer;

function findInitializerBase(): InitializerConstructor {
  const zerosClass = tf.initializers.zeros().constructor;
  const base = Object.getPrototypeOf(zerosClass) as InitializerConstructor|null;
  if (typeof base !== 'function' || !(base.prototype instanceof tf.serialization.Serializable)) {
    throw new Error(
        'tfjs-elu-init: could not find TF.js\'s Initializer class as the parent of ' +
        `${zerosClass.name}; this TF.js version (${tf.version.tfjs}) is not supported.`);
  }
  return base;
}

/** TF.js's own `Initializer` class; see the module comment. */
export const InitializerBase: InitializerConstructor = findInitializerBase();
