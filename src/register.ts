/**
 * The package's one side effect: registering its initializer classes with the
 * user's TF.js serialization registry, so that `kernelInitializer: 'EluHeNormal'`
 * works and `tf.loadLayersModel` / `tf.models.modelFromJSON` can rebuild them.
 *
 * Loading the package twice in one process (its CommonJS and ES module builds,
 * or two installed copies) must not break a registration: a class name already
 * registered by a copy of this package is left as it is, so instances of either
 * copy serialize, and deserialization keeps returning the first copy's class.
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

import {ActivationVarianceScaling, PACKAGE_BRAND} from './initializers/ActivationVarianceScaling.js';
import {EluHeNormal, EluHeUniform} from './initializers/EluHe.js';

/** The classes this package registers, in registration order. */
export const REGISTERED_CLASSES = [ActivationVarianceScaling, EluHeNormal, EluHeUniform] as const;

for (const cls of REGISTERED_CLASSES) {
  const existing = tf.serialization.SerializationMap.getMap().classNameMap[cls.className];
  const registeredByThisPackage =
      existing !== undefined && (existing[0] as unknown as Record<symbol, unknown>)[PACKAGE_BRAND] === true;
  if (!registeredByThisPackage) tf.serialization.registerClass(cls);
}
