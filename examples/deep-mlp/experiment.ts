/**
 * The deep-MLP variance experiment, shared by the Node example (npm start) and
 * the tests: build an MLP of `depth` Dense layers of `width` units for each
 * configuration (activation x initializer), feed standardized Gaussian input,
 * and measure every layer's pre-activation variance with `layerStatistics`.
 * Uses only TF.js and this package (no Node APIs), so a browser page can run it too.
 */
import * as tf from '@tensorflow/tfjs';

import {
  ActivationVarianceScaling, EluHeNormal, fillNormal, initializeModel, LayerStatistics, layerStatistics, lsuv, Xoshiro128,
} from '../../src/index';

/** Sizes and seed of one run. */
export interface ExperimentOptions {
  depth: number;
  width: number;
  batch: number;
  seed: number;
}

/** npm start's defaults: finish well under 60 s on 2 cores with the pure-JS cpu backend. */
export const DEFAULT_OPTIONS: ExperimentOptions = {depth: 100, width: 256, batch: 48, seed: 1};

type KernelInitializer = ActivationVarianceScaling|ReturnType<typeof tf.initializers.heNormal>;

/** The mixed model's activations, cycling layer by layer. */
export const MIXED_ACTIVATIONS = ['elu', 'tanh', 'gelu', 'linear'] as const;

/** One line of the experiment: an activation and how every layer's kernel is drawn. */
export interface Configuration {
  id: string;
  /** 'mixed': layer i uses MIXED_ACTIVATIONS[i % 4]. */
  activation: 'elu'|'relu'|'mixed';
  /** Short name of the initializer, for tables and legends. */
  initializer: string;
  /** True for this package's initializers (the ones the check applies to). */
  ours: boolean;
  /** The kernel initializer of layer `layer` (0-based); `seed` is distinct per layer and never 0. */
  kernelInitializer(layer: number, seed: number): KernelInitializer;
  /** Whole-model initialization run after building (initializeModel, lsuv), given the input batch. */
  prepare?(model: tf.LayersModel, input: tf.Tensor, seed: number): Promise<void>;
}

const tfBuiltIn = (name: 'heNormal'|'heUniform'|'glorotUniform'|'leCunNormal') =>
    (_layer: number, seed: number) => tf.initializers[name]({seed});

/** Every configuration the experiment compares. */
export const CONFIGURATIONS: Configuration[] = [
  {
    id: 'elu-eluhe', activation: 'elu', initializer: 'EluHeNormal (this package)', ours: true,
    // The first layer sees standardized data (E[x^2] = 1): scale 1, not ELU's 1.55.
    kernelInitializer: (layer, seed) => layer === 0 ? new ActivationVarianceScaling({activation: 'linear', seed}) :
                                                      new EluHeNormal({seed}),
  },
  {id: 'elu-henormal', activation: 'elu', initializer: 'tf heNormal', ours: false, kernelInitializer: tfBuiltIn('heNormal')},
  {id: 'elu-heuniform', activation: 'elu', initializer: 'tf heUniform', ours: false, kernelInitializer: tfBuiltIn('heUniform')},
  {id: 'elu-glorot', activation: 'elu', initializer: 'tf glorotUniform', ours: false, kernelInitializer: tfBuiltIn('glorotUniform')},
  {id: 'elu-lecun', activation: 'elu', initializer: 'tf leCunNormal', ours: false, kernelInitializer: tfBuiltIn('leCunNormal')},
  {
    id: 'elu-scale2', activation: 'elu', initializer: 'scale 2 (ReLU\'s He, exact)', ours: false,
    // ActivationVarianceScaling for relu has scale exactly 2 (variance-corrected).
    kernelInitializer: (_layer, seed) => new ActivationVarianceScaling({activation: 'relu', seed}),
  },
  {
    id: 'elu-scale1', activation: 'elu', initializer: 'scale 1 (LeCun, exact)', ours: false,
    kernelInitializer: (_layer, seed) => new ActivationVarianceScaling({activation: 'linear', seed}),
  },
  {
    id: 'relu-avs', activation: 'relu', initializer: 'ActivationVarianceScaling (this package)', ours: true,
    kernelInitializer: (layer, seed) => new ActivationVarianceScaling({activation: layer === 0 ? 'linear' : 'relu', seed}),
  },
  {id: 'relu-henormal', activation: 'relu', initializer: 'tf heNormal', ours: false, kernelInitializer: tfBuiltIn('heNormal')},
  {id: 'relu-heuniform', activation: 'relu', initializer: 'tf heUniform', ours: false, kernelInitializer: tfBuiltIn('heUniform')},
  {id: 'relu-glorot', activation: 'relu', initializer: 'tf glorotUniform', ours: false, kernelInitializer: tfBuiltIn('glorotUniform')},
  {id: 'relu-lecun', activation: 'relu', initializer: 'tf leCunNormal', ours: false, kernelInitializer: tfBuiltIn('leCunNormal')},
  {
    id: 'mixed-handset', activation: 'mixed', initializer: 'EluHeNormal on every layer (hand-set)', ours: false,
    kernelInitializer: (_layer, seed) => new EluHeNormal({seed}),
  },
  {
    id: 'mixed-initializemodel', activation: 'mixed', initializer: 'initializeModel (this package)', ours: false,
    kernelInitializer: (_layer, seed) => new EluHeNormal({seed}),
    prepare: async (model, _input, seed) => {
      initializeModel(model, {seed});
    },
  },
  {
    id: 'mixed-lsuv', activation: 'mixed', initializer: 'lsuv on the batch (this package)', ours: false,
    kernelInitializer: (_layer, seed) => new EluHeNormal({seed}),
    prepare: async (model, input) => {
      await lsuv(model, input);
    },
  },
];

/** A configuration's label: 'elu · EluHeNormal (this package)'. */
export function label(config: Configuration): string {
  return `${config.activation} · ${config.initializer}`;
}

/** Distinct, non-zero per-layer seeds (TF.js reads seed 0 as "no seed"). */
function layerSeed(seed: number, layer: number): number {
  return seed * 100003 + layer + 1;
}

/** The MLP of one configuration. */
export function buildMlp(config: Configuration, options: ExperimentOptions): tf.Sequential {
  const model = tf.sequential();
  for (let layer = 0; layer < options.depth; layer++) {
    model.add(tf.layers.dense({
      ...(layer === 0 ? {inputShape: [options.width]} : {}),
      units: options.width,
      activation: config.activation === 'mixed' ? MIXED_ACTIVATIONS[layer % MIXED_ACTIVATIONS.length] : config.activation,
      kernelInitializer: config.kernelInitializer(layer, layerSeed(options.seed, layer)),
    }));
  }
  return model;
}

/** Standardized Gaussian input [batch, width], reproducible from the seed. */
export function standardizedInput(options: ExperimentOptions): tf.Tensor2D {
  const values = fillNormal(new Float32Array(options.batch * options.width), new Xoshiro128(options.seed), 1);
  return tf.tensor2d(values, [options.batch, options.width]);
}

/** Per-layer statistics of one configuration. */
export interface ConfigurationResult {
  config: Configuration;
  layers: LayerStatistics[];
  /** Wall-clock milliseconds to build and measure. */
  milliseconds: number;
}

/** Builds, measures and disposes one configuration's MLP. */
export async function runConfiguration(
    config: Configuration, options: ExperimentOptions, input: tf.Tensor): Promise<ConfigurationResult> {
  const start = Date.now();
  const model = buildMlp(config, options);
  try {
    if (config.prepare !== undefined) await config.prepare(model, input, options.seed);
    const layers = await layerStatistics(model, input);
    return {config, layers, milliseconds: Date.now() - start};
  } finally {
    model.dispose();
  }
}

/** The table's summary of one configuration. */
export interface Summary {
  /** Pre-activation variance at each of the reported depths (those <= depth). */
  varianceAt: Array<[number, number]>;
  /** Largest of max(v / q*, q* / v) over the layers: how far the worst layer is from the target. */
  worstFactor: number;
  worstLayer: number;
  worstVariance: number;
  /** Every layer's variance within [low, high] x q*. */
  withinBand: boolean;
}

/** Depths the table reports. */
export const REPORTED_DEPTHS = [1, 10, 25, 50, 100];

/** The band the check requires of this package's ELU configuration. */
export const BAND: [number, number] = [0.5, 2];

export function summarize(result: ConfigurationResult, targetVariance = 1): Summary {
  const variances = result.layers.map((l) => l.preActivation.variance);
  let worstFactor = 1;
  let worstLayer = 1;
  variances.forEach((v, i) => {
    const factor = v > 0 ? Math.max(v / targetVariance, targetVariance / v) : Infinity;
    if (factor > worstFactor || !Number.isFinite(factor)) {
      worstFactor = factor;
      worstLayer = i + 1;
    }
  });
  const depths = REPORTED_DEPTHS.filter((d) => d < variances.length).concat(variances.length);
  return {
    varianceAt: [...new Set(depths)].map((d) => [d, variances[d - 1]] as [number, number]),
    worstFactor,
    worstLayer,
    worstVariance: variances[worstLayer - 1],
    withinBand: variances.every((v) => v >= BAND[0] * targetVariance && v <= BAND[1] * targetVariance),
  };
}

/** The first layer (1-based) whose variance leaves the band, or null. */
export function firstLayerOutsideBand(result: ConfigurationResult, targetVariance = 1): {layer: number, variance: number}|null {
  const i = result.layers.findIndex((l) => !(l.preActivation.variance >= BAND[0] * targetVariance &&
                                             l.preActivation.variance <= BAND[1] * targetVariance));
  return i < 0 ? null : {layer: i + 1, variance: result.layers[i].preActivation.variance};
}
