#!/usr/bin/env node
// Screenshots of the real page for the README: builds the app, serves it on localhost, trains a
// few experiments in headless Chromium (WebGPU on SwiftShader unless DESCENT_SCREENSHOT_WEBGPU=off)
// and saves PNGs into docs/screenshots/: 1280×720, 1920×1080, a phone and a projector in presentation mode.
// Usage: npm run screenshots
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFolder = join(root, 'docs', 'screenshots');
const webgpu = process.env.DESCENT_SCREENSHOT_WEBGPU !== 'off';
const chromiumPath = process.env.DESCENT_CHROMIUM ?? '/usr/bin/chromium';
const quiet = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const button = (page, name) => page.getByRole('button', { name, exact: true });
const field = (page, label) => page.getByLabel(label, { exact: true });

async function enter(page, label, value) {
  await field(page, label).fill(value);
  await field(page, label).press('Enter');
}

/** Trains until the test accuracy readout passes `accuracy` % (or `seconds` pass; regression has no accuracy: pass null), then pauses. */
async function trainUntil(page, accuracy, seconds) {
  await button(page, 'Play').click();
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (accuracy === null) {
      await page.waitForTimeout(500);
      continue;
    }
    const text = (await field(page, 'Test accuracy').textContent()) ?? '';
    if (Number(text.replace('%', '')) > accuracy) break;
    await page.waitForTimeout(500);
  }
  await button(page, 'Pause').click();
  await page.waitForTimeout(800);
}

/** Each scene sets up and trains one experiment on a freshly loaded page. */
const scenes = [
  {
    file: 'spiral-resnet.png',
    hash: 'dataset=spiral&arch=resnet&activation=relu&features=x1,x2,sin(x1),sin(x2)&lr=0.01',
    async run(page) {
      await trainUntil(page, 97, 90);
    },
  },
  {
    file: 'blobs-three-classes.png',
    async run(page) {
      await field(page, 'Dataset').selectOption({ label: 'Blobs' });
      await field(page, 'Classes').selectOption({ label: '3 classes' });
      await field(page, 'Noise').fill('0.4');
      await enter(page, 'Learning rate', '0.03');
      await page.getByLabel('Show test data').check();
      await trainUntil(page, 99, 30);
    },
  },
  {
    file: 'xor-drawn-points.png',
    async run(page) {
      await field(page, 'Dataset').selectOption({ label: 'XOR' });
      await enter(page, 'Learning rate', '0.03');
      await trainUntil(page, 97, 40);
      await button(page, 'Class 2').click();
      const plane = page.getByRole('img', { name: 'Decision boundary' });
      const box = await plane.boundingBox();
      await page.mouse.move(box.x + box.width * 0.42, box.y + box.height * 0.5);
      await page.mouse.down();
      for (let i = 0; i <= 12; i++) await page.mouse.move(box.x + box.width * (0.42 + i * 0.013), box.y + box.height * (0.5 + Math.sin(i / 2) * 0.04));
      await page.mouse.up();
      await trainUntil(page, null, 12);
    },
  },
  {
    file: 'phone-circle.png',
    viewport: { width: 390, height: 844 },
    async run(page) {
      await trainUntil(page, 97, 30);
    },
  },
  {
    file: 'projector-lesson.png',
    viewport: { width: 1024, height: 768 },
    hash: 'dataset=xor&hidden=4&lr=0.03&lesson=hidden-layer&present=true',
    async run(page) {
      await trainUntil(page, 97, 40);
    },
  },
  {
    file: 'see-inside.png',
    viewport: { width: 1920, height: 1080 },
    hash: 'dataset=spiral&hidden=16,16&lr=0.03',
    async run(page) {
      await button(page, 'See inside').click();
      await trainUntil(page, 95, 60);
      await page.waitForTimeout(3500);
    },
  },
  {
    file: 'challenge.png',
    hash: 'challenge=circle-no-hidden',
    async run(page) {
      await button(page, 'Remove layer').click();
      await button(page, 'Remove layer').click();
      await button(page, 'Feature x1 squared').click();
      await button(page, 'Feature x2 squared').click();
      await trainUntil(page, 97, 40);
    },
  },
  {
    file: 'compare.png',
    viewport: { width: 1920, height: 1080 },
    hash: 'dataset=spiral&points=300&hidden=8,8&compare=seed:1,2,3,4;lr:0.003,0.01,0.03,0.1',
    async run(page) {
      await page.getByRole('table').getByRole('row').nth(16).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(15_000);
    },
  },
  {
    file: 'regression-sine.png',
    async run(page) {
      await field(page, 'Dataset').selectOption({ label: 'Regression: sine' });
      await enter(page, 'Neurons in layer 1', '16');
      await enter(page, 'Learning rate', '0.01');
      await trainUntil(page, null, 25);
    },
  },
];

if (!existsSync(chromiumPath)) {
  console.error(`Chromium not found at ${chromiumPath}: run scripts/system-deps.sh (or set DESCENT_CHROMIUM)`);
  process.exit(1);
}
mkdirSync(outFolder, { recursive: true });
const appFolder = mkdtempSync(join(tmpdir(), 'descent-screenshots-'));
await build({ root, logLevel: 'warn', build: { outDir: appFolder, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', build: { outDir: appFolder }, preview: { host: '127.0.0.1', port: 0, open: false } });
const args = webgpu ? [...quiet, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] : [...quiet, '--disable-features=WebGPU'];
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args });
const expected = webgpu ? 'WebGPU · ' : 'CPU · ';

/** Runs a scene on a fresh page; returns the Backend readout at the end. */
async function shoot(scene) {
  const page = await browser.newPage({ viewport: scene.viewport ?? { width: 1280, height: 720 } });
  try {
    // The link asks for the backend by name: Auto would rightly leave SwiftShader for the CPU worker.
    // As fast as the machine goes (the page's default Speed is for watching), except on the phone.
    const speed = scene.viewport?.width < 600 ? null : 'speed=max';
    const hash = [scene.hash, speed, `backend=${webgpu ? 'webgpu' : 'cpu'}`].filter(Boolean).join('&');
    await page.goto(`${server.resolvedUrls.local[0]}#${hash}`);
    await field(page, 'Training loss').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
    await scene.run(page);
    await page.screenshot({ path: join(outFolder, scene.file) });
    const backend = await field(page, 'Backend').textContent();
    console.log(`screenshots: docs/screenshots/${scene.file} (${backend}, epoch ${await field(page, 'Epoch').textContent()})`);
    return backend;
  } finally {
    await page.close();
  }
}

try {
  for (const scene of scenes) {
    // A scene whose training left the intended backend (the page moved to the CPU) is shot again, and said so.
    for (let attempt = 1; attempt <= 3 && !(await shoot(scene)).startsWith(expected); attempt++) {
      console.warn(`screenshots: ${scene.file} did not stay on ${expected.trim()}; shooting it again`);
    }
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(appFolder, { recursive: true, force: true });
}
