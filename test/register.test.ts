import * as tf from '@tensorflow/tfjs';
import {mkdtempSync, rmSync} from 'fs';
import {tmpdir} from 'os';
import {join} from 'path';

import {ActivationVarianceScaling, EluHeNormal, EluHeUniform, REGISTERED_CLASSES} from '../src/index';
import {expectNoLeak, useBackend} from './helpers/tf';

let backend: string;
beforeAll(async () => {
  backend = await useBackend();
});

type WithInit = tf.layers.Layer & {kernelInitializer: ActivationVarianceScaling};

function buildModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({inputShape: [12], units: 24, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 0})}),
      tf.layers.dense({units: 24, activation: 'tanh', kernelInitializer: new EluHeUniform({alpha: 0.5, targetVariance: 2, mode: 'fanAvg', seed: 5})}),
      tf.layers.dense({units: 8, kernelInitializer: new ActivationVarianceScaling({activation: 'tanh', mode: 'fanGeoAvg', distribution: 'normal', seed: 0})}),
      tf.layers.dense({units: 4, kernelInitializer: new ActivationVarianceScaling({activation: 'leakyRelu', alpha: 0.1, mode: 'fanOut', distribution: 'uniform'})}),
    ],
  });
}

/** Same classes, same configs (seed 0 and null seeds included), same weights. */
async function expectSameModel(loaded: tf.LayersModel, original: tf.LayersModel): Promise<void> {
  expect(loaded.layers.length).toBe(original.layers.length);
  original.layers.forEach((layer, i) => {
    const a = (layer as WithInit).kernelInitializer;
    const b = (loaded.layers[i] as WithInit).kernelInitializer;
    expect(b.constructor).toBe(a.constructor);
    expect(b.getConfig()).toEqual(a.getConfig());
  });
  const w0 = original.getWeights();
  const w1 = loaded.getWeights();
  expect(w1.length).toBe(w0.length);
  for (let i = 0; i < w0.length; i++) expect(Array.from(w1[i].dataSync())).toEqual(Array.from(w0[i].dataSync()));
}

describe('registration', () => {
  test('the three classes are in TF.js\'s registry under their classNames', () => {
    const map = tf.serialization.SerializationMap.getMap().classNameMap;
    expect(REGISTERED_CLASSES.map((c) => c.className)).toEqual(['ActivationVarianceScaling', 'EluHeNormal', 'EluHeUniform']);
    for (const cls of REGISTERED_CLASSES) expect(map[cls.className][0]).toBe(cls);
  });

  test('the string identifier works: kernelInitializer: \'EluHeNormal\'', () => {
    const layer = tf.layers.dense({inputShape: [4], units: 3, kernelInitializer: 'EluHeNormal'}) as unknown as WithInit;
    expect(layer.kernelInitializer).toBeInstanceOf(EluHeNormal);
    const layer2 = tf.layers.dense({inputShape: [4], units: 3, kernelInitializer: 'ActivationVarianceScaling'}) as unknown as WithInit;
    expect(layer2.kernelInitializer.getConfig().activation).toBe('elu');
  });

  test('the serialized form is className + config, snake_case as Keras writes it', () => {
    const json = buildModel().toJSON(null, false) as unknown as {config: {layers: Array<{config: {kernel_initializer: unknown}}>}};
    expect(json.config.layers[0].config.kernel_initializer).toEqual(
        {class_name: 'EluHeNormal', config: {alpha: 1, target_variance: 1, mode: 'fan_in', seed: 0}});
    expect(json.config.layers[2].config.kernel_initializer).toEqual({
      class_name: 'ActivationVarianceScaling',
      config: {activation: 'tanh', alpha: null, target_variance: 1, mode: 'fan_geo_avg', distribution: 'normal', seed: 0},
    });
  });
});

describe('save / load round trips lose nothing', () => {
  test('tf.io.withSaveHandler -> tf.io.fromMemory', async () => {
    const model = buildModel();
    let artifacts: tf.io.ModelArtifacts|undefined;
    await model.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    await expectSameModel(loaded, model);
    model.dispose();
    loaded.dispose();
  });

  test('model.toJSON() -> tf.models.modelFromJSON (fresh weights from the same seeds)', async () => {
    const model = buildModel();
    const topology = model.toJSON(null, false) as tf.io.ModelJSON['modelTopology'];
    const rebuilt = await tf.models.modelFromJSON({modelTopology: topology} as tf.io.ModelJSON);
    model.layers.forEach((layer, i) => {
      const a = (layer as WithInit).kernelInitializer;
      const b = (rebuilt.layers[i] as WithInit).kernelInitializer;
      expect(b.constructor).toBe(a.constructor);
      expect(b.getConfig()).toEqual(a.getConfig());
      if (a.seed !== null) {
        // Seeded initializers draw the same kernels again on rebuild.
        expect(Array.from(rebuilt.layers[i].getWeights()[0].dataSync())).toEqual(Array.from(layer.getWeights()[0].dataSync()));
      }
    });
    model.dispose();
    rebuilt.dispose();
  });

  test('file:// (tfjs-node only)', async () => {
    if (backend !== 'tensorflow') {
      // tfjs-node's file:// handler needs the native package; it is not installed here.
      console.info(`file:// round trip skipped: backend is ${backend}, @tensorflow/tfjs-node not loaded`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'tfjs-elu-init-'));
    try {
      const model = buildModel();
      await model.save(`file://${dir}`);
      const loaded = await tf.loadLayersModel(`file://${dir}/model.json`);
      await expectSameModel(loaded, model);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  test('snake_case JSON written by hand (target_variance, fan_in)', async () => {
    const topology = {
      class_name: 'Sequential',
      config: {
        name: 'by_hand',
        layers: [{
          class_name: 'Dense',
          config: {
            units: 5, activation: 'elu', use_bias: true, batch_input_shape: [null, 7], name: 'd1',
            kernel_initializer: {class_name: 'EluHeNormal', config: {alpha: 1.5, target_variance: 0.5, mode: 'fan_in', seed: 0}},
            bias_initializer: {class_name: 'Zeros', config: {}},
          },
        }, {
          class_name: 'Dense',
          config: {
            units: 3, activation: 'linear', name: 'd2',
            kernel_initializer: {class_name: 'ActivationVarianceScaling',
              config: {activation: 'leaky_relu', target_variance: 2, mode: 'fan_geo_avg', distribution: 'truncated_normal'}},
          },
        }],
      },
    };
    const model = await tf.models.modelFromJSON({modelTopology: topology} as unknown as tf.io.ModelJSON);
    const first = (model.layers[0] as WithInit).kernelInitializer;
    expect(first).toBeInstanceOf(EluHeNormal);
    expect(first.getConfig()).toEqual({alpha: 1.5, targetVariance: 0.5, mode: 'fanIn', seed: 0});
    expect((model.layers[1] as WithInit).kernelInitializer.getConfig()).toEqual(
        {activation: 'leakyRelu', alpha: 0.3, targetVariance: 2, mode: 'fanGeoAvg', distribution: 'truncatedNormal', seed: null});
    model.dispose();
  });

  test('bad configs fail at deserialization with the parameter and value', async () => {
    const withInit = (config: object) => ({
      modelTopology: {
        class_name: 'Sequential',
        config: {name: 'bad', layers: [{class_name: 'Dense', config: {units: 2, batch_input_shape: [null, 3], name: 'd',
          kernel_initializer: {class_name: 'EluHeNormal', config}}}]},
      },
    } as unknown as tf.io.ModelJSON);
    await expect(tf.models.modelFromJSON(withInit({target_variance: -1})))
        .rejects.toThrow(/EluHeNormal: targetVariance must be a finite number > 0; got -1\./);
    await expect(tf.models.modelFromJSON(withInit({mode: 'fan_sideways'})))
        .rejects.toThrow(/EluHeNormal: mode must be one of 'fanIn', 'fanOut', 'fanAvg', 'fanGeoAvg'; got "fanSideways"\./);
    await expect(tf.models.modelFromJSON(withInit({seed: 0.5}))).rejects.toThrow(/seed must be an integer/);
  });

  test('no tensor leaks from apply inside tidy or from building and disposing a model', async () => {
    await expectNoLeak(() => {
      tf.tidy(() => {
        new EluHeNormal().apply([16, 16]);
      });
      const model = buildModel();
      model.dispose();
    });
  });
});
