// Builds the demo page into out/demo/ with esbuild: demo.js (TF.js, vega,
// vega-lite, this package's sources and the shared experiment, bundled),
// samplers-check.js (the samplers alone, for the browser test) and the pages.
import {build} from 'esbuild';
import {copyFileSync, mkdirSync} from 'node:fs';

mkdirSync('out/demo', {recursive: true});
for (const name of ['demo', 'samplers-check']) {
  await build({
    entryPoints: [`examples/browser/${name}.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    outfile: `out/demo/${name}.js`,
    logLevel: 'warning',
  });
}
for (const page of ['index.html', 'script.html', 'samplers.html']) copyFileSync(`examples/browser/${page}`, `out/demo/${page}`);
console.log('Built out/demo/ (index.html, script.html, samplers.html, demo.js, samplers-check.js)');
