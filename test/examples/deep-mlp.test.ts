import * as tf from '@tensorflow/tfjs';
import {execFileSync} from 'child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'fs';
import {tmpdir} from 'os';
import {join, resolve} from 'path';

import {
  CONFIGURATIONS, ConfigurationResult, firstLayerOutsideBand, runConfiguration, standardizedInput,
} from '../../examples/deep-mlp/experiment';
import {useBackend} from '../helpers/tf';

beforeAll(async () => {
  await useBackend();
});

const SMALL = {depth: 30, width: 128, batch: 64};

async function run(id: string, seed: number): Promise<ConfigurationResult> {
  const config = CONFIGURATIONS.find((c) => c.id === id)!;
  const options = {...SMALL, seed};
  const input = standardizedInput(options);
  try {
    return await runConfiguration(config, options, input);
  } finally {
    input.dispose();
  }
}

describe('the deep-MLP check at depth 30, width 128', () => {
  test.each([1, 2, 3, 4])('this package\'s ELU configuration stays within [0.5, 2] x q* (seed %i)', async (seed) => {
    const before = tf.memory().numTensors;
    const result = await run('elu-eluhe', seed);
    expect(result.layers).toHaveLength(30);
    expect(firstLayerOutsideBand(result)).toBeNull();
    expect(tf.memory().numTensors).toBe(before);
  });

  test.each([1, 2])('the check can fail: ELU with scale 2 grows out of the band (seed %i)', async (seed) => {
    const outside = firstLayerOutsideBand(await run('elu-scale2', seed));
    expect(outside).not.toBeNull();
    expect(outside!.variance).toBeGreaterThan(2);
  });

  test.each([1, 2])('the check can fail: ELU with scale 1 vanishes out of the band (seed %i)', async (seed) => {
    const outside = firstLayerOutsideBand(await run('elu-scale1', seed));
    expect(outside).not.toBeNull();
    expect(outside!.variance).toBeLessThan(0.5);
  });
});

describe('npm start (examples/deep-mlp.ts) end to end, small sizes', () => {
  test('prints the table, writes the CSV and the SVG, exits 0', () => {
    const out = mkdtempSync(join(tmpdir(), 'deep-mlp-'));
    try {
      const root = resolve(__dirname, '..', '..');
      const stdout = execFileSync(process.execPath,
          [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'examples', 'deep-mlp.ts'),
            '--depth', '12', '--width', '32', '--batch', '16', '--seed', '0', '--backend', 'cpu', '--out', out],
          {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
      expect(stdout).toMatch(/TF.js backend: cpu/);
      expect(stdout).toMatch(/\| elu · EluHeNormal \(this package\) +\|/);
      expect(stdout).toMatch(/Check passed/);
      const csv = readFileSync(join(out, 'variance-by-depth.csv'), 'utf8').trim().split('\n');
      expect(csv[0]).toBe('configuration,activation,initializer,ours,layer,preActivationMean,preActivationVariance,' +
                          'activationMean,activationVariance,kernelScale');
      expect(csv).toHaveLength(1 + 12 * CONFIGURATIONS.length);
      const svg = readFileSync(join(out, 'variance-by-depth.svg'), 'utf8');
      expect(svg).toMatch(/^<svg/);
      expect(svg).toContain('pre-activation variance (log scale)');
      expect(svg).toContain('elu · EluHeNormal (this package)');
      expect(existsSync(join(out, 'variance-by-depth.svg'))).toBe(true);
    } finally {
      rmSync(out, {recursive: true, force: true});
    }
  });

  test('bad flags are named', () => {
    const root = resolve(__dirname, '..', '..');
    expect(() => execFileSync(process.execPath,
        [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'examples', 'deep-mlp.ts'), '--depth', '-3'],
        {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']})).toThrow(/--depth must be a positive integer; got "-3"/);
  });
});
