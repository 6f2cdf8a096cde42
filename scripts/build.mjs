// Builds dist/esm (ES modules) and dist/cjs (CommonJS) with tsc, each with its
// own package.json "type" so Node reads every .js file in the right format.
import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist', {recursive: true, force: true});
for (const [project, dir, type] of [
  ['tsconfig.build.json', 'dist/esm', 'module'],
  ['tsconfig.cjs.json', 'dist/cjs', 'commonjs'],
]) {
  execFileSync(process.execPath, [tsc, '-p', project], {stdio: 'inherit'});
  mkdirSync(dir, {recursive: true});
  writeFileSync(`${dir}/package.json`, JSON.stringify({type}) + '\n');
}
