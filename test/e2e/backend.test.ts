import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium } from '../../src/cli/chromium';
import { button, expectHealthy, field, openPlayground, waitForModel, type Playground } from './browser';

/** Choosing the backend, moving off a failing one, and showing that long work is under way. */
describe('the backend', () => {
  let playground: Playground | null = null;

  afterEach(async () => {
    await playground?.browser.close();
    playground = null;
  });

  it('Auto uses the CPU worker on a software WebGPU adapter and says why; Run on WebGPU moves the model there', async () => {
    const browser = await launchChromium({ webgpu: 'swiftshader' });
    playground = { browser, page: await browser.newPage({ viewport: { width: 1280, height: 720 } }), mode: 'webgpu', errors: [] };
    const { page, errors } = playground;
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(inject('baseUrl'));
    await waitForModel(page);
    await expect.poll(() => field(page, 'Backend').textContent()).toMatch(/^CPU · Auto: the CPU worker is faster than this software WebGPU \(.*swiftshader.*\)$/i);
    expect(await field(page, 'Run on').inputValue()).toBe('auto');
    expect(await page.locator('.run-on').getAttribute('title')).toMatch(/^Auto chooses by speed\. Now: CPU · Auto: /);
    await button(page, '+1 epoch').click();
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBe(1);
    await field(page, 'Run on').selectOption({ label: 'WebGPU' });
    await expect.poll(() => field(page, 'Backend').textContent(), { timeout: 60_000 }).toMatch(/^WebGPU · .*swiftshader/i);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('backend=webgpu');
    expect(await field(page, 'Epoch').textContent()).toBe('1.0');
    await expectHealthy(playground);
  });

  it('a WebGPU failure while training moves to the CPU with a visible notice saying why, logged once', async () => {
    playground = await openPlayground('webgpu');
    const { page, errors } = playground;
    await button(page, 'Play').click();
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBeGreaterThan(0);
    // The GPU refuses work from now on, as a driver fault would.
    await page.evaluate(() => {
      GPUComputePassEncoder.prototype.dispatchWorkgroups = () => {
        throw new TypeError('dispatch refused');
      };
    });
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 60_000 }).toContain('Training moved from WebGPU to the CPU: training on WebGPU failed: dispatch refused.');
    await expect.poll(() => field(page, 'Backend').textContent()).toBe('CPU · WebGPU failed: dispatch refused');
    const epoch = Number(await field(page, 'Epoch').textContent());
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBeGreaterThan(epoch);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^warning: Descent: moving off WebGPU \(training on WebGPU failed: dispatch refused\)/);
  });

  it('a large network shows that work is under way, and its first fractions of an epoch', async () => {
    playground = await openPlayground('cpu', '#hidden=1024,1024,1024,1024&batch=all');
    const { page } = playground;
    await button(page, 'Play').click();
    await expect.poll(() => field(page, 'Updates/s').textContent(), { timeout: 60_000 }).toBe('Working…');
    await expect.poll(() => field(page, 'Epoch').textContent(), { timeout: 120_000 }).toMatch(/^(?!0\.00$)\d/);
    await button(page, 'Pause').click();
    await expectHealthy(playground);
  });

  it('the readouts are not live regions; pause and a finished Step are announced once', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    const readouts = page.locator('output');
    for (let i = 0; i < (await readouts.count()); i++) expect(await readouts.nth(i).getAttribute('aria-live')).toBe('off');
    const news = page.getByRole('status', { name: 'Training news' });
    await button(page, '+1 epoch').click();
    await expect.poll(() => news.textContent()).toMatch(/^Trained one epoch: epoch 1\.0, training loss \d/);
    await button(page, 'Play').click();
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBeGreaterThan(2);
    await button(page, 'Pause').click();
    await expect.poll(() => news.textContent()).toMatch(/^Paused: epoch \d/);
    await expectHealthy(playground);
  });
});
