/**
 * The one piece of tfjs-layers' graph the calibration code reads: a layer's
 * inbound nodes (not in the public typings, stable across TF.js 4.x).
 *
 * @packageDocumentation
 */
import * as tf from '@tensorflow/tfjs';

/** A layer's inbound nodes, each with the layers that feed that call. */
export function inboundNodes(layer: tf.layers.Layer): Array<{inboundLayers: tf.layers.Layer[]}> {
  return (layer as unknown as {inboundNodes: Array<{inboundLayers: tf.layers.Layer[]}>}).inboundNodes;
}
