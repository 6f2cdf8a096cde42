/**
 * tfjs-elu-init: variance-preserving weight initialization for TensorFlow.js,
 * starting with ELU.
 *
 * Importing this module registers `ActivationVarianceScaling`, `EluHeNormal`
 * and `EluHeUniform` with TF.js (see ./register.ts).
 *
 * @packageDocumentation
 */
import './register.js';

export {describeValue, InvalidArgumentError} from './errors.js';
export {ACTIVATION_NAMES, DEFAULT_ALPHA, SELU_ALPHA, SELU_SCALE} from './math/activations.js';
export type {ActivationName} from './math/activations.js';
export {activationMoments} from './math/activationMoments.js';
export type {ActivationMoments, ActivationMomentsOptions} from './math/activationMoments.js';
export {erf, erfc, erfcx} from './math/erfc.js';
export {normalCdf, normalPdf} from './math/gaussian.js';
export {SCALE_DIRECTIONS, varianceScale} from './math/varianceScale.js';
export type {ScaleDirection, VarianceScaleOptions} from './math/varianceScale.js';
export {Xoshiro128} from './random/xoshiro128.js';
export type {RandomSource} from './random/xoshiro128.js';
export {fillNormal, standardNormal} from './random/normal.js';
export {fillTruncatedNormal} from './random/truncatedNormal.js';
export {fillUniform} from './random/uniform.js';
export {computeFans, FAN_MODES} from './initializers/fans.js';
export type {FanMode} from './initializers/fans.js';
export {
  ActivationVarianceScaling,
  DISTRIBUTIONS,
  TRUNCATED_NORMAL_STDDEV,
} from './initializers/ActivationVarianceScaling.js';
export type {ActivationVarianceScalingArgs, Distribution} from './initializers/ActivationVarianceScaling.js';
export {EluHeNormal, EluHeUniform} from './initializers/EluHe.js';
export type {EluHeArgs} from './initializers/EluHe.js';
export {REGISTERED_CLASSES} from './register.js';
export {KERNEL_LAYER_CLASSES, layerStatistics} from './diagnostics/layerStatistics.js';
export type {LayerStatistics, LayerStatisticsOptions, TensorMoments} from './diagnostics/layerStatistics.js';
export {edgeOfChaos} from './calibration/edgeOfChaos.js';
export type {EdgeOfChaos, EdgeOfChaosOptions} from './calibration/edgeOfChaos.js';
export {initializeModel} from './calibration/initializeModel.js';
export type {InitializeModelOptions, LayerPlan} from './calibration/initializeModel.js';
export {lsuv} from './calibration/lsuv.js';
export type {LsuvLayerResult, LsuvOptions} from './calibration/lsuv.js';
