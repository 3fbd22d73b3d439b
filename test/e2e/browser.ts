import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Driving the playground in headless Chromium, by the names the page gives its controls. */

export type BackendMode = 'webgpu' | 'cpu';

const QUIET = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Chromium's flags: WebGPU on SwiftShader, or WebGPU switched off (then the page must train in its CPU worker). */
export function chromiumArgs(mode: BackendMode): string[] {
  return mode === 'webgpu' ? [...QUIET, '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] : [...QUIET, '--disable-features=WebGPU'];
}

/** Debian's Chromium (or DESCENT_CHROMIUM); a missing browser fails the tests and says how to install it. */
export function chromiumPath(): string {
  const path = process.env.DESCENT_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run scripts/system-deps.sh (or set DESCENT_CHROMIUM to a Chromium binary)`);
  return path;
}

export interface Playground {
  browser: Browser;
  page: Page;
  /** Uncaught errors and console errors seen so far. */
  errors: string[];
}

/** Opens the built app at 1280×720 and waits until a backend is chosen and the first model is shown. */
export async function openPlayground(mode: BackendMode): Promise<Playground> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs(mode) });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(inject('baseUrl'));
  await field(page, 'Backend')
    .filter({ hasText: mode === 'webgpu' ? /^WebGPU · / : /^CPU · / })
    .waitFor({ timeout: 60_000 });
  await waitForModel(page);
  return { browser, page, errors };
}

/** Waits until the readouts show a model's metrics (after a load or a rebuild). */
export async function waitForModel(page: Page): Promise<void> {
  await field(page, 'Training loss').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 });
}

export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });
export const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

/** Types a value into a text field and commits it with Enter. */
export async function enter(page: Page, label: string, value: string): Promise<void> {
  await field(page, label).fill(value);
  await field(page, label).press('Enter');
}

/** The percentage a readout shows, or NaN while it shows none. */
export async function percentIn(page: Page, label: string): Promise<number> {
  const text = (await field(page, label).textContent()) ?? '';
  return text.endsWith('%') ? Number(text.slice(0, -1)) : NaN;
}

/** Clicks `control` and returns the file the page offers for download. */
export async function download(page: Page, control: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), control.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Clicks `control` (which opens the file picker) and chooses a file with this name and content. */
export async function chooseFile(page: Page, control: Locator, name: string, text: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), control.click()]);
  await chooser.setFiles({ name, mimeType: name.endsWith('.csv') ? 'text/csv' : 'application/json', buffer: Buffer.from(text) });
}

/** Clicks the decision boundary at a point of the plane ([−6, 6]², x2 upwards). */
export async function clickPlane(page: Page, x1: number, x2: number): Promise<void> {
  const plane = page.getByRole('img', { name: 'Decision boundary' });
  const box = (await plane.boundingBox())!;
  await plane.click({ position: { x: ((x1 + 6) / 12) * box.width, y: ((6 - x2) / 12) * box.height } });
}
