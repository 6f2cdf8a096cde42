// Runs inside a temporary project where the packed tarball and one
// @tensorflow/tfjs version are installed: uses the package as a user would,
// through require() first and then import() of the ES module entry, in one process.
const assert = require('node:assert/strict');
const path = require('node:path');
const url = require('node:url');
const tf = require('@tensorflow/tfjs');
tf.env().set('IS_TEST', true); // quiet the "install tfjs-node" banner

async function roundTrip(lib, label) {
  const {EluHeNormal, EluHeUniform, ActivationVarianceScaling} = lib;
  const model = tf.sequential({layers: [
    tf.layers.dense({inputShape: [6], units: 10, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 0})}),
    tf.layers.dense({units: 10, activation: 'elu', kernelInitializer: 'EluHeUniform'}),
    tf.layers.dense({units: 3, kernelInitializer: new ActivationVarianceScaling({activation: 'elu', mode: 'fanOut', distribution: 'normal', seed: 9})}),
  ]});
  let saved;
  await model.save(tf.io.withSaveHandler(async (artifacts) => {
    saved = artifacts;
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved));
  model.layers.forEach((layer, i) => {
    const a = layer.kernelInitializer;
    const b = loaded.layers[i].kernelInitializer;
    assert.equal(b.getClassName(), a.getClassName(), `${label}: class of layer ${i}`);
    assert.deepEqual(b.getConfig(), a.getConfig(), `${label}: config of layer ${i}`);
  });
  const w0 = model.getWeights().map((w) => Array.from(w.dataSync()));
  const w1 = loaded.getWeights().map((w) => Array.from(w.dataSync()));
  assert.deepEqual(w1, w0, `${label}: weights`);
  // The string identifier resolves through the registry: to this copy's class, or
  // to the first-registered copy's when two copies are loaded.
  assert.equal(model.layers[1].kernelInitializer.getClassName(), EluHeUniform.className, `${label}: string identifier`);
  const a = Array.from(new EluHeNormal({seed: 0}).apply([4, 4]).dataSync());
  const b = Array.from(new EluHeNormal({seed: 0}).apply([4, 4]).dataSync());
  assert.deepEqual(a, b, `${label}: seed 0 reproduces`);
  assert.throws(() => new EluHeNormal({targetVariance: -1}), /targetVariance must be a finite number > 0; got -1/);
  model.dispose();
  loaded.dispose();
}

(async () => {
  const cjs = require('tfjs-elu-init');
  assert.equal(typeof cjs.varianceScale, 'function');
  assert.ok(Math.abs(cjs.varianceScale('elu') - 1.5505188) < 1e-7);
  await roundTrip(cjs, 'require');
  const classMap = tf.serialization.SerializationMap.getMap().classNameMap;
  const registeredBefore = ['ActivationVarianceScaling', 'EluHeNormal', 'EluHeUniform'].map((n) => classMap[n][0]);

  const names = ['ActivationVarianceScaling', 'EluHeNormal', 'EluHeUniform'];

  // import() of the package in the same process: Node's ES entry re-exports the
  // CommonJS build, so both share one copy of the classes.
  const esm = await import('tfjs-elu-init');
  assert.equal(esm.EluHeNormal, cjs.EluHeNormal, 'import and require give the same class');
  assert.deepEqual(names.map((n) => classMap[n][0]), registeredBefore);
  await roundTrip(esm, 'import after require');

  // A genuinely separate copy (the bundler build, loaded directly): must neither
  // throw nor replace or remove a registration, and its instances still round-trip.
  const root = path.dirname(require.resolve('tfjs-elu-init/package.json'));
  const copy = await import(url.pathToFileURL(path.join(root, 'dist', 'esm', 'index.js')).href);
  assert.notEqual(copy.EluHeNormal, cjs.EluHeNormal, 'dist/esm is a separate build');
  assert.deepEqual(names.map((n) => classMap[n][0]), registeredBefore, 'a second copy must not replace a registration');
  await roundTrip(copy, 'second copy');
  console.log(`consumer-check OK with @tensorflow/tfjs ${tf.version.tfjs}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
