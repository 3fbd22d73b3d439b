import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../../src/cli/chromium';
import { expect, inject } from 'vitest';

/** Driving the playground in headless Chromium, by the names the page gives its controls. */

export type BackendMode = 'webgpu' | 'cpu';

export interface Playground {
  browser: Browser;
  page: Page;
  mode: BackendMode;
  /** Uncaught errors, console errors and console warnings seen so far. */
  errors: string[];
}

/** `hash` (with or without `#`) asking for the backend `mode` with the URL key `backend`, as a link can. */
export function withBackend(hash: string, mode: BackendMode): string {
  const pairs = hash.replace(/^#/, '');
  if (/(^|&)backend=/.test(pairs)) return `#${pairs}`;
  return `#${pairs}${pairs ? '&' : ''}backend=${mode}`;
}

/**
 * Opens the built app at 1280×720 on the backend `mode` (asked for in the link: `backend=webgpu`
 * or `backend=cpu`), at `hash` if given, and waits until the backend is named and the first model is shown.
 */
export async function openPlayground(mode: BackendMode, hash = ''): Promise<Playground> {
  const browser = await launchChromium({ webgpu: mode === 'webgpu' ? 'swiftshader' : 'off' });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
  });
  await page.goto(inject('baseUrl') + withBackend(hash, mode));
  await waitForBackend(page, mode);
  await waitForModel(page);
  return { browser, page, mode, errors };
}

/** Loads the app afresh in `page` at `hash` on the backend `mode` (a new document, not a same-page hash change) and waits for its first model. */
export async function reopen(page: Page, mode: BackendMode, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(inject('baseUrl') + withBackend(hash, mode));
  await waitForBackend(page, mode);
  await waitForModel(page);
}

/** What every test checks at its end: still on the backend it opened with, and no page error, console error or warning. */
export async function expectHealthy({ page, mode, errors }: Playground): Promise<void> {
  expect(await field(page, 'Backend').textContent()).toMatch(mode === 'webgpu' ? /^WebGPU · / : /^CPU · /);
  expect(errors).toEqual([]);
}

/** Opens a fresh page on `mode` at `hash`, runs `steps` in it, checks that it stayed healthy, and closes it. */
export async function withPlayground(mode: BackendMode, hash: string, steps: (page: Page) => Promise<void>): Promise<void> {
  let playground: Playground | undefined;
  try {
    playground = await openPlayground(mode, hash);
    await steps(playground.page);
    await expectHealthy(playground);
  } finally {
    await playground?.browser.close();
  }
}

/** Waits until the page names the backend it trains on. */
export async function waitForBackend(page: Page, mode: BackendMode): Promise<void> {
  await field(page, 'Backend')
    .filter({ hasText: mode === 'webgpu' ? /^WebGPU · / : /^CPU · / })
    .waitFor({ timeout: 60_000 });
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

/** Opens the settings bar's More settings (Speed and the less common settings), if closed. */
export async function openMoreSettings(page: Page): Promise<void> {
  const more = button(page, 'More settings');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
}
