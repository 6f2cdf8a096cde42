/**
 * A short tour: the scale table for every supported activation, then an ELU MLP
 * built with EluHeNormal, saved, loaded back and compared.
 *
 * Run: npx tsx examples/save-load.ts
 */
import * as tf from '@tensorflow/tfjs';

import {ACTIVATION_NAMES, activationMoments, EluHeNormal, varianceScale} from '../src/index';
import {backendDescription, selectBackend} from './backend';

function scaleTable(): string {
  const rows = ACTIVATION_NAMES.map((name) => {
    const m = activationMoments(name);
    const cells = [
      `\`${name}\``, m.secondMoment.toFixed(7), varianceScale(name).toFixed(7),
      m.derivativeSecondMoment.toFixed(7), varianceScale(name, {direction: 'backward'}).toFixed(7),
    ];
    return `| ${cells.join(' | ')} |`;
  });
  return [
    '| activation | E[f(z)^2] | forward scale q*/E[f^2] | E[f\'(z)^2] | backward scale 1/E[f\'^2] |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

async function main(): Promise<void> {
  await selectBackend();
  console.log(`TF.js backend: ${backendDescription()}\n`);
  console.log('Variance scales at q* = 1 (z ~ N(0, 1); alpha = 1 for elu, 0.3 for leakyRelu):\n');
  console.log(scaleTable());

  const model = tf.sequential();
  for (let i = 0; i < 10; i++) {
    model.add(tf.layers.dense({
      ...(i === 0 ? {inputShape: [32]} : {}),
      units: 64,
      activation: 'elu',
      // One seed per layer: a seeded initializer repeats its weights on every call.
      kernelInitializer: new EluHeNormal({seed: i}),
    }));
  }
  let saved: tf.io.ModelArtifacts|undefined;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved!));
  const layerJson = (saved!.modelTopology as {config: {layers: Array<{config: {kernel_initializer: unknown}}>}})
      .config.layers[3].config.kernel_initializer;
  const sameWeights = model.getWeights().every(
      (w, i) => tf.tidy(() => tf.equal(w, loaded.getWeights()[i]).all().dataSync()[0] === 1));
  const init = (loaded.layers[3] as unknown as {kernelInitializer: EluHeNormal}).kernelInitializer;
  console.log(`\nSaved a 10-layer ELU MLP; layer 4's initializer in model.json: ${JSON.stringify(layerJson)}`);
  console.log(`Loaded back: ${init.getClassName()} ${JSON.stringify(init.getConfig())}; ` +
              `weights identical: ${sameWeights}`);
  model.dispose();
  loaded.dispose();
  if (!sameWeights) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
