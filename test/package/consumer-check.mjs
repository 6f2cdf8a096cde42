// ES-module-only user: import the package (no require anywhere) and use it.
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import {EluHeNormal, activationMoments} from 'tfjs-elu-init';

tf.env().set('IS_TEST', true);
const layer = tf.layers.dense({inputShape: [5], units: 4, kernelInitializer: 'EluHeNormal'});
tf.sequential({layers: [layer]});
assert.ok(layer.kernelInitializer instanceof EluHeNormal);
assert.ok(Math.abs(activationMoments('elu').secondMoment - 0.6449454174929239) < 1e-15);
console.log(`consumer-check.mjs OK with @tensorflow/tfjs ${tf.version.tfjs}`);
