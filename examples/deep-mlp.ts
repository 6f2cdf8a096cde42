/**
 * npm start: the deep-MLP variance experiment.
 *
 * Builds MLPs (default 100 layers of 256 units, batch 48) for ELU and ReLU with
 * this package's initializers, TF.js's built-ins, and ELU with exact scales 2 and
 * 1, and a mixed ELU/tanh/GELU/linear MLP hand-set, with initializeModel and with
 * lsuv; feeds standardized Gaussian input; prints the pre-activation variance at
 * layers 1, 10, 25, 50, 100 and the worst factor away from the target; writes
 * out/variance-by-depth.csv and out/variance-by-depth.svg. Exits 1, naming the
 * layer and value, if this package's ELU configuration leaves [0.5, 2] x q*.
 *
 *   npm start -- --depth 50 --width 128 --batch 128 --seed 3 --backend cpu
 */
import * as tf from '@tensorflow/tfjs';
import {Command, InvalidArgumentError as CliError} from 'commander';
import {mkdirSync, writeFileSync} from 'fs';
import {join, resolve} from 'path';
import type {TopLevelSpec} from 'vega-lite';

import {backendDescription, selectBackend} from './backend';
import {markdownTable} from './markdownTable';
import {toCsv, varianceChartSpec, varianceRows} from './deep-mlp/chart';
import {
  BAND, CONFIGURATIONS, ConfigurationResult, DEFAULT_OPTIONS, ExperimentOptions, firstLayerOutsideBand, label, MIXED_ACTIVATIONS,
  runConfiguration, standardizedInput, summarize,
} from './deep-mlp/experiment';

function positiveInteger(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new CliError(`--${name} must be a positive integer; got "${value}".`);
    return n;
  };
}

function parseArgs(argv: string[]): ExperimentOptions & {backend?: string, out: string} {
  const program = new Command()
      .name('deep-mlp')
      .description('Pre-activation variance through deep ELU and ReLU MLPs, per initializer.')
      .option('--depth <n>', 'number of Dense layers', positiveInteger('depth'), DEFAULT_OPTIONS.depth)
      .option('--width <n>', 'units per layer (and input features)', positiveInteger('width'), DEFAULT_OPTIONS.width)
      .option('--batch <n>', 'batch size of the standardized Gaussian input', positiveInteger('batch'), DEFAULT_OPTIONS.batch)
      .option('--seed <n>', 'seed of the input and of every initializer (integer, 0 included)', (v: string) => {
        const n = Number(v);
        if (!Number.isSafeInteger(n)) throw new CliError(`--seed must be an integer; got "${v}".`);
        return n;
      }, DEFAULT_OPTIONS.seed)
      .option('--backend <name>', 'TF.js backend: tensorflow (tfjs-node), cpu or wasm (default: tensorflow if installed, else cpu)')
      .option('--out <dir>', 'folder for the CSV and SVG', 'out')
      .parse(argv);
  return program.opts();
}

function formatVariance(v: number): string {
  return v >= 0.01 && v < 1000 ? v.toPrecision(3) : v.toExponential(2);
}

function table(results: ConfigurationResult[], depths: number[]): string {
  const header = ['activation · initializer', ...depths.map((d) => `layer ${d}`), 'worst factor', 'in [0.5, 2]'];
  const rows = results.map((r) => {
    const s = summarize(r);
    return [label(r.config), ...s.varianceAt.map(([, v]) => formatVariance(v)),
      `${formatVariance(s.worstFactor)} (layer ${s.worstLayer})`, s.withinBand ? 'yes' : 'no'];
  });
  return markdownTable(header, rows);
}

function everyTenthTable(results: ConfigurationResult[]): string {
  const depth = results[0].layers.length;
  const depths = [1, ...Array.from({length: Math.floor(depth / 10)}, (_, i) => (i + 1) * 10)];
  const header = ['initializer', ...depths.map(String)];
  const rows = results.map((r) => [r.config.initializer, ...depths.map((d) => formatVariance(r.layers[d - 1].preActivation.variance))]);
  return markdownTable(header, rows);
}

async function renderSvg(spec: TopLevelSpec): Promise<string> {
  // vega 6 and vega-lite 6 are ES modules with top-level await: load them with import().
  const vega = await import('vega');
  const vegaLite = await import('vega-lite');
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), {renderer: 'none'});
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

async function main(): Promise<void> {
  const {backend, out, ...options} = parseArgs(process.argv);
  await selectBackend(backend);
  console.log(`TF.js backend: ${backendDescription()}`);
  console.log(`MLP: ${options.depth} Dense layers x ${options.width} units, batch ${options.batch}, seed ${options.seed}; ` +
              `${CONFIGURATIONS.length} configurations\n`);

  const input = standardizedInput(options);
  const results: ConfigurationResult[] = [];
  const started = Date.now();
  try {
    for (const [i, config] of CONFIGURATIONS.entries()) {
      const result = await runConfiguration(config, options, input);
      results.push(result);
      const last = result.layers[result.layers.length - 1].preActivation.variance;
      console.log(`[${String(i + 1).padStart(2)}/${CONFIGURATIONS.length}] ${label(config).padEnd(52)} ` +
                  `layer ${options.depth}: ${formatVariance(last).padStart(9)}   ${(result.milliseconds / 1000).toFixed(1)} s`);
    }
  } finally {
    input.dispose();
  }

  const depths = summarize(results[0]).varianceAt.map(([d]) => d);
  console.log(`\nPre-activation variance (target q* = 1) after ${((Date.now() - started) / 1000).toFixed(1)} s:\n`);
  console.log(table(results, depths));

  const mixed = results.filter((r) => r.config.activation === 'mixed');
  if (mixed.length > 0) {
    console.log(`\nMixed MLP (layers cycle ${MIXED_ACTIVATIONS.join(', ')}): pre-activation variance at every 10th layer:\n`);
    console.log(everyTenthTable(mixed));
  }

  const rows = varianceRows(results);
  const dir = resolve(out);
  mkdirSync(dir, {recursive: true});
  const csvPath = join(dir, 'variance-by-depth.csv');
  const svgPath = join(dir, 'variance-by-depth.svg');
  writeFileSync(csvPath, toCsv(rows));
  const subtitle = `${options.depth} Dense layers x ${options.width} units, batch ${options.batch}, seed ${options.seed}, ` +
                   `backend ${tf.getBackend()}; shaded: [${BAND[0]}, ${BAND[1]}]; axis clamped to [1e-8, 1e3]`;
  writeFileSync(svgPath, await renderSvg(varianceChartSpec(rows, subtitle)));
  console.log(`\nWrote ${csvPath}\nWrote ${svgPath}`);

  // The check: this package's ELU configuration must stay within [0.5, 2] x q* at every layer.
  let failed = false;
  for (const result of results.filter((r) => r.config.ours && r.config.activation === 'elu')) {
    const outside = firstLayerOutsideBand(result);
    if (outside !== null) {
      failed = true;
      console.error(`\nCHECK FAILED: ${label(result.config)}: layer ${outside.layer} has pre-activation variance ` +
                    `${outside.variance}, outside [${BAND[0]}, ${BAND[1]}] x q*.`);
    } else {
      console.log(`\nCheck passed: ${label(result.config)} stays within [${BAND[0]}, ${BAND[1]}] x q* at all ${options.depth} layers.`);
    }
  }
  if (failed) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
