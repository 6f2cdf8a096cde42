// Type-checks a user's TypeScript against the shipped declarations.
import * as tf from '@tensorflow/tfjs';
import {ActivationVarianceScaling, EluHeNormal, type ActivationName, varianceScale} from 'tfjs-elu-init';

const activation: ActivationName = 'gelu';
const dense = tf.layers.dense({units: 8, inputShape: [4], kernelInitializer: new EluHeNormal({seed: 0})});
const conv = tf.layers.conv2d({filters: 4, kernelSize: 3, kernelInitializer: new ActivationVarianceScaling({activation, mode: 'fanAvg'})});
const scale: number = varianceScale('elu', {direction: 'backward'});
// @ts-expect-error: 'fanSum' is not a mode
new EluHeNormal({mode: 'fanSum'});
export {dense, conv, scale};
