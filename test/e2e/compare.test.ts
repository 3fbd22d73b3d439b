import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { button, download, expectHealthy, field, openPlayground, type BackendMode, type Playground } from './browser';

/** Compare mode: a 4 × 4 sweep of training seeds × learning rates trains, ranks, opens a run and travels by link. */
const SWEEP = 'compare=seed:1,2,3,4;lr:0.001,0.003,0.01,0.03';
// Few points: SwiftShader and a busy machine are slow.
const DATA = 'points=100';

/** A digest of the main plane's pixels, read through a copy (reading the plane itself again and again makes Chromium warn). */
function planePixels(page: Page): Promise<string> {
  return page.getByRole('img', { name: 'Decision boundary' }).evaluate((canvas: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [canvas.width, canvas.height];
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(canvas, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) hash = (hash * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) | 0;
    return String(hash);
  });
}

describe('compare mode', () => {
  let playground: Playground | null = null;

  afterEach(async () => {
    await playground?.browser.close();
    playground = null;
  });

  it.each<BackendMode>(['cpu', 'webgpu'])('trains a 4 × 4 sweep on %s, ranks it, opens a run and shares it', async (mode) => {
    playground = await openPlayground(mode, DATA);
    const { page } = playground;
    await button(page, 'Compare').click();
    const panel = page.getByRole('complementary', { name: 'Compare' });
    await expect.poll(() => panel.getByRole('combobox', { name: 'First setting to vary' }).inputValue()).toBe('seed');
    expect(await field(page, 'Learning rate values').inputValue()).toBe('0.001, 0.003, 0.01, 0.03');

    // The sweep trains: 16 rows, each with a finite final loss, once every run has been measured.
    const rows = panel.locator('.compare-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(16);
    const finalLosses = () => rows.locator('td:nth-child(5)').allTextContents();
    await expect.poll(async () => (await finalLosses()).every((text) => Number.isFinite(Number(text))), { timeout: 90_000 }).toBe(true);
    const status = (await field(page, 'Sweep status').textContent()) ?? '';
    // On WebGPU the 16 runs share a layout, so one batched group trains them all in one dispatch.
    expect(status).toMatch(mode === 'webgpu' ? /^16 runs on WebGPU in 1 batched group: one GPU dispatch steps all 16 at once · / : /^16 runs on \d CPU workers?, their runs one after another · /);
    // Each run trains at the page's Speed (300 steps/s by default), as the main run would.
    expect(status).toMatch(/ · Speed 300 steps\/s a run$/);
    await expect.poll(async () => Number(((await field(page, 'Sweep status').textContent()) ?? '').match(/([\d,]+) steps\/s/)?.[1].replace(/,/g, ''))).toBeGreaterThan(0);
    // The rate once the sweep has run a while, for docs/PERFORMANCE.md-style notes.
    await page.waitForTimeout(2000);
    console.info(`compare (${mode}): ${await field(page, 'Sweep status').textContent()}`);

    // The link carries the sweep.
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(SWEEP);
    const link = await page.evaluate(() => location.href);

    // The results as CSV, best first.
    const csv = await download(page, button(page, 'Export results'));
    expect(csv.name).toBe('descent-compare.csv');
    expect(csv.text.trim().split('\n')).toHaveLength(17);

    // Any run's weights, in the weights file format, with its own settings.
    const weights = await download(page, panel.getByRole('button', { name: 'Export weights of Training seed 2 · Learning rate 0.01', exact: true }));
    expect(weights.name).toBe('descent-weights-run-7.json');
    expect(JSON.parse(weights.text)).toMatchObject({ config: { training: { seed: 2, learningRate: 0.01 } } });

    // Open the run with seed 3 and learning rate 0.03: the main experiment takes its settings and weights.
    await panel.getByRole('button', { name: 'Open Training seed 3 · Learning rate 0.03', exact: true }).click();
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await field(page, 'Learning rate').inputValue()).toBe('0.03');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)seed=3(&|$)/);
    const notice = page.getByText('Opened Training seed 3 · Learning rate 0.03 with its trained weights at epoch ');
    await notice.waitFor();
    // It goes on at its epoch in the comparison, not at 0, with its curves in the Loss chart.
    const openedAt = ((await notice.textContent()) ?? '').match(/at epoch ([\d.,]+):/)![1];
    expect(Number(openedAt.replace(/,/g, ''))).toBeGreaterThan(0);
    await expect.poll(() => field(page, 'Epoch').textContent()).toBe(openedAt);
    await expect.poll(() => page.locator('.loss-chart path.train-line').getAttribute('d')).toMatch(/^M[^M]*L/);
    // Its trained weights, not fresh ones: the main readouts show a loss far below an untrained model's (about 0.7).
    await expect.poll(async () => Number(await field(page, 'Training loss').textContent())).toBeLessThan(0.2);

    // The link opens the same sweep in a new page.
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => page.getByRole('complementary', { name: 'Compare' }).locator('.compare-table tbody tr').count(), { timeout: 60_000 }).toBe(16);
    expect(await field(page, 'Training seed values').inputValue()).toBe('1, 2, 3, 4');
    await expectHealthy(playground);
  });

  it('shares a sweep among 4 CPU workers where the machine has the cores, each run at the page’s Speed', async () => {
    playground = await openPlayground('cpu', DATA);
    const { page } = playground;
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 8 }));
    await page.goto('about:blank');
    await page.goto(`${inject('baseUrl')}#${DATA}&backend=cpu&speed=10&${SWEEP}`);
    const rows = page.getByRole('complementary', { name: 'Compare' }).locator('.compare-table tbody tr');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(16);
    await expect.poll(async () => (await rows.locator('td:nth-child(5)').allTextContents()).every((text) => Number.isFinite(Number(text))), { timeout: 90_000 }).toBe(true);
    expect(await field(page, 'Sweep status').textContent()).toMatch(/^16 runs on 4 CPU workers, their runs one after another · [\d,]+ steps\/s in all · Speed 10 steps\/s a run$/);
    // 10 steps a second of each of the 16 runs: about 160 in all.
    await page.waitForTimeout(2000);
    const rate = Number(((await field(page, 'Sweep status').textContent()) ?? '').match(/([\d,]+) steps\/s in all/)?.[1].replace(/,/g, ''));
    expect(rate).toBeGreaterThanOrEqual(100);
    expect(rate).toBeLessThanOrEqual(200);
    await expectHealthy(playground);
  });

  it('previews a run on the main plane, points the Loss chart to the comparison, and moves the sweep to the CPU when Run on changes', async () => {
    playground = await openPlayground('webgpu', `${DATA}&compare=seed:1,2`);
    const { page } = playground;
    const panel = page.getByRole('complementary', { name: 'Compare' });
    await expect.poll(() => field(page, 'Sweep status').textContent(), { timeout: 60_000 }).toMatch(/^2 runs on WebGPU in 1 batched group/);
    await page.getByRole('note').filter({ hasText: 'Comparing 2 runs: their curves are in the Compare panel.' }).waitFor();

    // Pointing at a run's plane shows it on the main plane, named and kept up to date as it trains; leaving it shows the main model again.
    const untrained = await planePixels(page);
    await panel.getByRole('button', { name: 'Open Training seed 2 (plane)' }).hover();
    await page.getByRole('status').filter({ hasText: 'Previewing Training seed 2' }).waitFor();
    expect(await page.getByRole('img', { name: 'Decision boundary of Training seed 2 (preview)' }).count()).toBe(1);
    await expect.poll(() => planePixels(page)).not.toBe(untrained);
    const previewed = await planePixels(page);
    await expect.poll(() => planePixels(page)).not.toBe(previewed);
    await page.getByRole('heading', { name: 'Compare' }).hover();
    await page.getByRole('img', { name: 'Decision boundary', exact: true }).waitFor();

    // Run on: CPU moves the sweep there, each run going on from where it was.
    const epochBefore = Number(((await panel.locator('figcaption').textContent()) ?? '').match(/over ([\d.,]+) epochs/)![1].replace(/,/g, ''));
    expect(epochBefore).toBeGreaterThan(0);
    await field(page, 'Run on').selectOption({ label: 'CPU' });
    await expect.poll(() => field(page, 'Sweep status').textContent(), { timeout: 30_000 }).toMatch(/^2 runs on \d CPU workers?, their runs one after another/);
    await panel.getByText("Moved from WebGPU to the CPU with each run's weights, epoch and curves.").waitFor();
    await expect.poll(async () => Number(((await panel.locator('figcaption').textContent()) ?? '').match(/over ([\d.,]+) epochs/)![1].replace(/,/g, '')), { timeout: 30_000 }).toBeGreaterThan(epochBefore);
    expect(await panel.getByRole('alert').count()).toBe(0);
    // The main run moved too, as chosen; nothing went wrong on the way.
    expect(await field(page, 'Backend').textContent()).toBe('CPU · chosen in Run on');
    expect(playground.errors).toEqual([]);
  });

  it('a WebGPU failure during a sweep stops it with the reason shown, and moves nothing to the CPU', async () => {
    playground = await openPlayground('webgpu', `${DATA}&compare=seed:1,2`);
    const { page } = playground;
    const panel = page.getByRole('complementary', { name: 'Compare' });
    await expect.poll(() => field(page, 'Sweep status').textContent(), { timeout: 60_000 }).toMatch(/^2 runs on WebGPU in 1 batched group/);
    // The GPU refuses work from now on, as a driver fault would.
    await page.evaluate(() => {
      GPUComputePassEncoder.prototype.dispatchWorkgroups = () => {
        throw new TypeError('dispatch refused');
      };
    });
    await expect.poll(() => panel.getByRole('alert').textContent(), { timeout: 30_000 }).toBe('The comparison stopped: dispatch refused');
    await expectHealthy(playground);
  });

  it('names the control for a damaged sweep in a link and opens the page without it', async () => {
    playground = await openPlayground('cpu', `${DATA}&compare=seed:1,2;lr:0.001,12`);
    const { page } = playground;
    await page.getByText('Compare: Learning rate must be a number from 0 to 10; got 12').waitFor();
    expect(await page.getByRole('complementary', { name: 'Compare' }).count()).toBe(0);
    await expectHealthy(playground);
  });
});
