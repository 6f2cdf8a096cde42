/**
 * The demo page: the deep-MLP variance experiment in the browser (webgl backend
 * when available, else cpu), drawn with the same Vega-Lite spec as the Node
 * example, plus a save/load round trip through IndexedDB. Results are also
 * put on `window.demo` for the end-to-end test.
 */
import * as tf from '@tensorflow/tfjs';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

import {EluHeNormal} from '../../src/index';
import {varianceChartSpec, varianceRows} from '../deep-mlp/chart';
import {BAND, CONFIGURATIONS, ConfigurationResult, label, runConfiguration, standardizedInput, summarize} from '../deep-mlp/experiment';

interface DemoState {
  backend?: string;
  running: boolean;
  results: Array<{id: string, label: string, ours: boolean, variances: number[], withinBand: boolean}>;
  saveLoad?: {className: string, config: unknown, sameConfig: boolean, sameWeights: boolean};
  error?: string;
}
const state: DemoState = {running: false, results: []};
(window as unknown as {demo: DemoState}).demo = state;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function renderInitializerChoices(): void {
  const activation = $<HTMLSelectElement>('activation').value;
  const box = $('initializers');
  box.innerHTML = '<legend>Initializers</legend>';
  for (const config of CONFIGURATIONS.filter((c) => c.activation === activation)) {
    const labelEl = document.createElement('label');
    labelEl.innerHTML = `<input type="checkbox" value="${config.id}" checked> ${config.initializer}`;
    box.appendChild(labelEl);
  }
}

async function selectBackend(): Promise<string> {
  try {
    if (await tf.setBackend('webgl')) {
      await tf.ready();
      return tf.getBackend();
    }
  } catch {
    // no WebGL here: fall through to cpu
  }
  await tf.setBackend('cpu');
  return tf.getBackend();
}

function renderTable(results: ConfigurationResult[]): void {
  const depth = results[0].layers.length;
  const depths = [1, 10, 25, 50, 100].filter((d) => d < depth).concat(depth);
  const rows = results.map((r) => {
    const s = summarize(r);
    const cells = depths.map((d) => `<td>${r.layers[d - 1].preActivation.variance.toPrecision(3)}</td>`).join('');
    return `<tr data-id="${r.config.id}"><td>${label(r.config)}</td>${cells}<td>${s.worstFactor.toPrecision(3)}</td>` +
           `<td class="${s.withinBand ? 'ok' : 'bad'}">${s.withinBand ? 'yes' : 'no'}</td></tr>`;
  });
  $('summary').innerHTML = `<tr><th>activation · initializer</th>${depths.map((d) => `<th>layer ${d}</th>`).join('')}` +
      `<th>worst factor</th><th>in [${BAND[0]}, ${BAND[1]}]</th></tr>${rows.join('')}`;
}

async function run(event?: Event): Promise<void> {
  event?.preventDefault();
  if (state.running) return;
  state.running = true;
  state.results = [];
  const options = {
    depth: Number($<HTMLInputElement>('depth').value),
    width: Number($<HTMLInputElement>('width').value),
    batch: Number($<HTMLInputElement>('batch').value),
    seed: 1,
  };
  const chosen = new Set(Array.from(document.querySelectorAll<HTMLInputElement>('#initializers input:checked')).map((i) => i.value));
  const configs = CONFIGURATIONS.filter((c) => chosen.has(c.id));
  const input = standardizedInput(options);
  const results: ConfigurationResult[] = [];
  try {
    for (const [i, config] of configs.entries()) {
      $('status').textContent = `Running ${i + 1}/${configs.length}: ${label(config)} ...`;
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the status paint
      results.push(await runConfiguration(config, options, input));
    }
    const rows = varianceRows(results);
    const spec = varianceChartSpec(rows, `${options.depth} Dense layers x ${options.width} units, batch ${options.batch}, backend ${tf.getBackend()}`);
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), {renderer: 'svg', container: '#chart'});
    await view.runAsync();
    renderTable(results);
    state.results = results.map((r) => ({
      id: r.config.id, label: label(r.config), ours: r.config.ours,
      variances: r.layers.map((l) => l.preActivation.variance), withinBand: summarize(r).withinBand,
    }));
    $('status').textContent = `Done: ${configs.length} configurations, ${options.depth} layers each.`;
  } catch (e) {
    state.error = String(e);
    $('status').textContent = `Error: ${e}`;
    console.error(e);
  } finally {
    input.dispose();
    state.running = false;
  }
}

async function saveAndLoad(): Promise<void> {
  const model = tf.sequential({layers: [
    tf.layers.dense({inputShape: [8], units: 16, activation: 'elu', kernelInitializer: new EluHeNormal({seed: 0, alpha: 1, targetVariance: 1})}),
    tf.layers.dense({units: 2}),
  ]});
  await model.save('indexeddb://tfjs-elu-init-demo');
  const loaded = await tf.loadLayersModel('indexeddb://tfjs-elu-init-demo');
  const a = (model.layers[0] as unknown as {kernelInitializer: EluHeNormal}).kernelInitializer;
  const b = (loaded.layers[0] as unknown as {kernelInitializer: EluHeNormal}).kernelInitializer;
  const w0 = model.getWeights()[0].dataSync();
  const w1 = loaded.getWeights()[0].dataSync();
  state.saveLoad = {
    className: b.getClassName(),
    config: b.getConfig(),
    sameConfig: JSON.stringify(a.getConfig()) === JSON.stringify(b.getConfig()),
    sameWeights: w0.length === w1.length && w0.every((v, i) => v === w1[i]),
  };
  $('saveload-result').textContent =
      `Loaded back from IndexedDB: ${state.saveLoad.className} ${JSON.stringify(state.saveLoad.config)}\n` +
      `same config: ${state.saveLoad.sameConfig}, same weights: ${state.saveLoad.sameWeights}`;
  model.dispose();
  loaded.dispose();
}

async function main(): Promise<void> {
  state.backend = await selectBackend();
  $('backend').textContent = `TF.js backend: ${state.backend}${state.backend === 'cpu' ? ' (WebGL not available here)' : ''}`;
  renderInitializerChoices();
  $('activation').addEventListener('change', renderInitializerChoices);
  $('controls').addEventListener('submit', run);
  $('saveload').addEventListener('click', () => {
    saveAndLoad().catch((e) => {
      state.error = String(e);
      console.error(e);
    });
  });
}

main().catch((e) => {
  state.error = String(e);
  console.error(e);
});
