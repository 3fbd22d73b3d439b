#!/usr/bin/env node
// Compare mode's training rate on WebGPU in headless Chromium (SwiftShader unless
// DESCENT_COMPARE_ADAPTER names another): builds the app, serves it on localhost, opens a 4 × 4
// sweep (training seed × learning rate) of the default experiment at Speed Max, waits until every
// run has a test loss, then reads the Sweep status once a second and prints the median steps/s.
// Usage: node scripts/compare-speed.mjs [seconds] [points]   (defaults: 15 s, 100 points)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const seconds = Number(process.argv[2] ?? 15);
const points = Number(process.argv[3] ?? 100);
const chromiumPath = process.env.DESCENT_CHROMIUM ?? '/usr/bin/chromium';
const adapter = process.env.DESCENT_COMPARE_ADAPTER ?? 'swiftshader';
const hash = `backend=webgpu&points=${points}&speed=max&compare=seed:1,2,3,4;lr:0.001,0.003,0.01,0.03`;

const outDir = mkdtempSync(join(tmpdir(), 'descent-compare-speed-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
const args = ['--no-sandbox', '--no-first-run', '--enable-unsafe-webgpu', `--use-webgpu-adapter=${adapter}`];
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${server.resolvedUrls.local[0]}#${hash}`);
  const status = page.getByLabel('Sweep status', { exact: true });
  const losses = page.locator('.compare-table tbody tr td:nth-child(5)');
  const deadline = Date.now() + 120_000;
  while (!((await losses.count()) === 16 && (await losses.allTextContents()).every((text) => Number.isFinite(Number(text))))) {
    if (Date.now() > deadline) throw new Error(`the sweep did not train within 2 minutes: ${await status.textContent()}`);
    await page.waitForTimeout(500);
  }
  const rates = [];
  let text = '';
  for (let i = 0; i < seconds; i++) {
    await page.waitForTimeout(1000);
    text = (await status.textContent()) ?? '';
    rates.push(Number(text.match(/([\d,]+) steps\/s in all/)?.[1].replace(/,/g, '') ?? NaN));
  }
  rates.sort((a, b) => a - b);
  console.log(`${text}\nsteps/s in all, once a second for ${seconds} s: median ${rates[Math.floor(rates.length / 2)]}, min ${rates[0]}, max ${rates.at(-1)}`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
