/**
 * End to end in Debian's Chromium (/usr/bin/chromium), driven by playwright-core:
 * the demo page runs the deep-MLP measurement, the save/load round trip through
 * IndexedDB, and the <script> build registers the classes; the samplers give
 * Node's bits with WebAssembly and, under a CSP that forbids it, without; no
 * console errors.
 * Run by `npm run test:browser` (which builds dist/ and out/demo/ first).
 */
import {Server} from 'http';
import {mkdirSync} from 'fs';
import {join, resolve} from 'path';
import {Browser, chromium, Page} from 'playwright-core';

import {serve} from '../../examples/browser/server';
import {fillTruncatedNormal} from '../../src/random/truncatedNormal';
import {fillUniform} from '../../src/random/uniform';
import {Xoshiro128} from '../../src/random/xoshiro128';
import {fnv1a} from '../../examples/browser/fnv1a';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
const OUT = resolve(__dirname, '..', '..', 'out');

let browser: Browser;
let server: Server;
let url: string;
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage({viewport: {width: 1200, height: 1400}});
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(`${url}${path}`);
  return page;
}

beforeAll(async () => {
  ({server, url} = await serve());
  browser = await chromium.launch({executablePath: '/usr/bin/chromium', headless: true, args: FLAGS});
  process.stdout.write(`Chromium ${browser.version()} at ${url}\n`);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('the demo page measures ELU-He inside [0.5, 2] and ReLU\'s He on ELU outside it, and saves/loads', async () => {
  const page = await open('/index.html');
  await page.waitForFunction(() => (window as unknown as {demo: {backend?: string}}).demo.backend !== undefined);
  const backend = await page.evaluate(() => (window as unknown as {demo: {backend: string}}).demo.backend);
  process.stdout.write(`demo page backend: ${backend}\n`);
  expect(['webgl', 'cpu']).toContain(backend);
  await page.click('#run');
  await page.waitForFunction(() => {
    const d = (window as unknown as {demo: {running: boolean, results: unknown[], error?: string}}).demo;
    return d.error !== undefined || (!d.running && d.results.length > 0);
  }, undefined, {timeout: 240000});
  const demo = await page.evaluate(() => (window as unknown as {demo: {
    results: Array<{id: string, variances: number[], withinBand: boolean}>, error?: string}}).demo);
  expect(demo.error).toBeUndefined();
  const byId = Object.fromEntries(demo.results.map((r) => [r.id, r]));
  expect(byId['elu-eluhe'].variances).toHaveLength(30);
  for (const v of byId['elu-eluhe'].variances) {
    expect(v).toBeGreaterThanOrEqual(0.5);
    expect(v).toBeLessThanOrEqual(2);
  }
  expect(byId['elu-scale2'].withinBand).toBe(false);
  expect(Math.max(...byId['elu-scale2'].variances)).toBeGreaterThan(2);
  expect(await page.locator('#chart svg').count()).toBe(1);
  expect(await page.locator('#summary tr').count()).toBe(1 + demo.results.length);

  await page.click('#saveload');
  await page.waitForFunction(() => (window as unknown as {demo: {saveLoad?: unknown}}).demo.saveLoad !== undefined);
  const saveLoad = await page.evaluate(() => (window as unknown as {demo: {saveLoad: {className: string, config: unknown, sameConfig: boolean, sameWeights: boolean}}}).demo.saveLoad);
  expect(saveLoad).toEqual({
    className: 'EluHeNormal', config: {alpha: 1, targetVariance: 1, mode: 'fanIn', seed: 0}, sameConfig: true, sameWeights: true,
  });
  mkdirSync(OUT, {recursive: true});
  await page.screenshot({path: join(OUT, 'demo-page.png'), fullPage: true});
  await page.close();
}, 300000);

// What Node computes (with its WebAssembly loops): the pages must match it bit for bit.
const nodeHashes = {
  truncatedNormalHash: fnv1a(fillTruncatedNormal(new Float32Array(300000), new Xoshiro128(0), 1, 2)),
  uniformHash: fnv1a(fillUniform(new Float32Array(100000), new Xoshiro128(0), 1)),
};

test('the <script> build registers the classes with the page\'s global tf, with the same bits as Node', async () => {
  const page = await open('/script.html');
  await page.waitForFunction(() => (window as unknown as {scriptCheck?: unknown}).scriptCheck !== undefined);
  const check = await page.evaluate(() => (window as unknown as {scriptCheck: unknown}).scriptCheck);
  expect(check).toEqual({
    registered: ['ActivationVarianceScaling', 'EluHeNormal', 'EluHeUniform'],
    stringIdentifier: true,
    scale: 1.550518808067927,
    // As pinned in test/random/distributions.test.ts (fillNormal of 6 values, seed 0).
    firstNormal: [3.502763032913208, 0.8612464666366577, 0.6708871722221375, 0.9025810360908508, -0.036673519760370255, 1.8454220294952393],
    ...nodeHashes,
  });
  await page.close();
}, 120000);

test.each([['', true], ['?csp=no-wasm', false]])(
  'the samplers give Node\'s bits in Chromium, with WebAssembly and under a CSP that forbids it (page %p)', async (query, usedWebAssembly) => {
    const page = await open(`/samplers.html${query}`);
    await page.waitForFunction(() => (window as unknown as {samplersCheck?: unknown}).samplersCheck !== undefined);
    expect(await page.evaluate(() => (window as unknown as {samplersCheck: unknown}).samplersCheck))
      .toEqual({usedWebAssembly, ...nodeHashes});
    await page.close();
  }, 120000);

test('no console error was logged on any page', () => {
  expect(consoleErrors).toEqual([]);
});
