// Builds the demo page into out/demo/ with esbuild: demo.js (TF.js, vega,
// vega-lite, this package's sources and the shared experiment, bundled) and
// the two HTML pages.
import {build} from 'esbuild';
import {copyFileSync, mkdirSync} from 'node:fs';

mkdirSync('out/demo', {recursive: true});
await build({
  entryPoints: ['examples/browser/demo.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  outfile: 'out/demo/demo.js',
  logLevel: 'warning',
});
for (const page of ['index.html', 'script.html']) copyFileSync(`examples/browser/${page}`, `out/demo/${page}`);
console.log('Built out/demo/ (index.html, script.html, demo.js)');
