/**
 * The package as a user gets it: `npm pack`, installed into a new project next to
 * the lowest and the highest @tensorflow/tfjs the peer range admits, then used
 * from there with require, import and TypeScript. Also publint on the package.
 * Needs the npm registry (to install @tensorflow/tfjs into the temporary projects).
 */
import {execFileSync} from 'child_process';
import {buildSync} from 'esbuild';
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'fs';
import {tmpdir} from 'os';
import {join, resolve} from 'path';

const ROOT = resolve(__dirname, '..');
const PEER_RANGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).peerDependencies['@tensorflow/tfjs'];
const TFJS_VERSIONS = ['4.0.0', '4.22.0']; // lowest and highest of the peer range
const work = mkdtempSync(join(tmpdir(), 'tfjs-elu-init-pack-'));
let tarball = '';

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
}

beforeAll(() => {
  const out = run('npm', ['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n');
  tarball = join(work, out[out.length - 1]);
}, 300000);

afterAll(() => rmSync(work, {recursive: true, force: true}));

test('the peer range is the one tested here', () => {
  expect(PEER_RANGE).toBe('>=4.0.0 <5');
});

test('the tarball ships the builds, the type declarations and the README, not the tests', () => {
  const files = run('tar', ['-tzf', tarball], work).split('\n');
  for (const f of ['package/dist/cjs/index.js', 'package/dist/cjs/index.d.ts', 'package/dist/esm/index.js',
    'package/dist/esm/index.d.ts', 'package/dist/esm/package.json', 'package/dist/cjs/package.json',
    'package/dist/esm/register.js', 'package/dist/browser/tfjs-elu-init.min.js', 'package/README.md', 'package/LICENSE']) {
    expect(files).toContain(f);
  }
  expect(files.some((f) => f.startsWith('package/test/'))).toBe(false);
});

test('publint finds nothing to fix', () => {
  const output = run(process.execPath, [join(ROOT, 'node_modules', 'publint', 'src', 'cli.js'), 'run', ROOT, '--strict'], ROOT);
  expect(output).not.toMatch(/error|warning|suggestion/i);
}, 60000);

describe.each(TFJS_VERSIONS)('installed beside @tensorflow/tfjs %s', (version) => {
  const project = join(work, `consumer-${version}`);

  beforeAll(() => {
    run('mkdir', ['-p', project], work);
    writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'consumer', private: true}));
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, `@tensorflow/tfjs@${version}`], project);
    for (const f of ['consumer-check.cjs', 'consumer-check.mjs', 'consumer-check.ts']) {
      copyFileSync(join(__dirname, 'package', f), join(project, f));
    }
  }, 400000);

  test('require, then import of the ES module entry in the same process', () => {
    expect(run(process.execPath, ['consumer-check.cjs'], project)).toContain(`consumer-check OK with @tensorflow/tfjs ${version}`);
  }, 120000);

  test('an ES-module-only user', () => {
    expect(run(process.execPath, ['consumer-check.mjs'], project)).toContain(`consumer-check.mjs OK with @tensorflow/tfjs ${version}`);
  }, 120000);

  test('a bundler keeps the registration when only a function is imported (esbuild, browser conditions)', () => {
    writeFileSync(join(project, 'bundle-entry.mjs'), [
      "import * as tf from '@tensorflow/tfjs';",
      "import {activationMoments} from 'tfjs-elu-init';",
      'tf.env().set(\'IS_TEST\', true);',
      'const layer = tf.layers.dense({inputShape: [3], units: 2, kernelInitializer: \'EluHeNormal\'});',
      'tf.sequential({layers: [layer]});',
      "console.log('bundle OK', layer.kernelInitializer.getClassName(), activationMoments('elu').secondMoment);",
    ].join('\n'));
    // platform 'browser' resolves the package's "import" condition (dist/esm), as a web bundler does;
    // TF.js stays external so the bundle runs in Node here.
    buildSync({
      absWorkingDir: project, entryPoints: ['bundle-entry.mjs'], bundle: true, platform: 'browser', format: 'cjs',
      external: ['@tensorflow/tfjs'], treeShaking: true, outfile: join(project, 'bundle.cjs'), logLevel: 'warning',
    });
    const bundle = readFileSync(join(project, 'bundle.cjs'), 'utf8');
    expect(bundle).toContain('dist/esm/register.js');
    expect(run(process.execPath, ['bundle.cjs'], project)).toContain('bundle OK EluHeNormal 0.6449454174929239');
  }, 120000);

  test('TypeScript sees the shipped declarations (nodenext resolution)', () => {
    run(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck',
      '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2020', 'consumer-check.ts'], project);
  }, 120000);
});
