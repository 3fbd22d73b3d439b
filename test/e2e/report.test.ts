import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, download, field, withPlayground, type BackendMode } from './browser';

/** Trains `epochs` epochs with +1 epoch and waits until the page shows them. */
async function trainEpochs(page: Page, epochs: number): Promise<void> {
  for (let i = 1; i <= epochs; i++) {
    await button(page, '+1 epoch').click();
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent()), { timeout: 60_000 }).toBe(i);
  }
}

describe.each<BackendMode>(['cpu', 'webgpu'])('the lab report and the metrics a class reads, on %s', (mode) => {
  it('Save report downloads one HTML file with the pictures, the metrics, the confusion matrix, the config and the link', async () => {
    await withPlayground(mode, '#dataset=circle', async (page) => {
      await trainEpochs(page, 2);
      await button(page, 'Share link').click();
      const { name, text } = await download(page, button(page, 'Save report'));
      expect(name).toBe('descent-report.html');
      expect(text).toMatch(/^<!doctype html>/);
      expect(text).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]{200,}" alt="Decision boundary">/);
      // The loss chart and the network (2 inputs, two layers of 8, one output: 2·8 + 8·8 + 8 connections) as inline SVG.
      expect(text).toMatch(/<figure><svg[^>]*>[\s\S]*<\/svg><figcaption>Loss<\/figcaption>/);
      const beforeCaption = text.slice(0, text.indexOf('<figcaption>Network</figcaption>'));
      const network = beforeCaption.slice(beforeCaption.lastIndexOf('<figure><svg'));
      expect(network.match(/<circle /g)).toHaveLength(2 + 8 + 8 + 1);
      expect(network.match(/<line /g)).toHaveLength(2 * 8 + 8 * 8 + 8);
      expect(text).toContain('<caption>Metrics at epoch 2.0</caption>');
      expect(text).toContain(`<td>${await field(page, 'Test loss').textContent()}</td>`);
      expect(text).toContain('Confusion matrix, test split (150 points');
      expect(text).toContain('&quot;preset&quot;: &quot;circle&quot;');
      expect(text).toContain('#dataset=circle&amp;points=500');
      expect(text).not.toMatch(/<script/i);
      // Opened on its own, it fits a narrow window: the long link wraps.
      const report = await page.context().browser()!.newPage();
      await report.setViewportSize({ width: 700, height: 600 });
      await report.setContent(text);
      expect(await report.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(700);
      expect(await report.getByRole('img', { name: 'Decision boundary' }).evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
      await report.close();
    });
  });

  it('the Confusion matrix shows both splits; its counts add up to each split', async () => {
    await withPlayground(mode, '#dataset=blobs&classes=3&points=400&trainFraction=0.75', async (page) => {
      await trainEpochs(page, 1);
      await button(page, 'Confusion matrix').click();
      const table = page.getByRole('table', { name: 'Confusion matrix' });
      const counts = async () => (await table.locator('td.count').allTextContents()).map(Number);
      await expect.poll(async () => (await counts()).length).toBe(9);
      expect((await counts()).reduce((sum, count) => sum + count, 0)).toBe(100);
      expect(await table.locator('caption').textContent()).toBe('Test split: 100 points');
      await page.getByRole('radio', { name: 'Training split' }).check();
      await expect.poll(() => table.locator('caption').textContent()).toBe('Training split: 300 points');
      expect((await counts()).reduce((sum, count) => sum + count, 0)).toBe(300);
      // Each class's accuracy is its diagonal cell over its row.
      const rows = await table.locator('tbody tr').all();
      for (const [t, row] of rows.entries()) {
        const cells = (await row.locator('td.count').allTextContents()).map(Number);
        const total = cells.reduce((sum, count) => sum + count, 0);
        expect(await row.locator('td.per-class').textContent()).toBe(`${((100 * cells[t]) / total).toFixed(1)}%`);
      }
    });
  });
});

describe('regression readouts and the picture of the plane, on the CPU', () => {
  it('regression shows R² and RMSE of both splits', async () => {
    await withPlayground('cpu', '#dataset=reg-sine', async (page) => {
      await trainEpochs(page, 3);
      await expect.poll(() => field(page, 'Test R²').textContent(), { timeout: 30_000 }).toMatch(/^-?\d\.\d{3}$/);
      expect(await field(page, 'Training RMSE').textContent()).toMatch(/^\d/);
      // RMSE is the square root of the MSE the loss readout shows.
      const gap = async () => Math.abs(Number(await field(page, 'Test RMSE').textContent()) - Math.sqrt(Number(await field(page, 'Test loss').textContent())));
      await expect.poll(gap, { timeout: 10_000 }).toBeLessThan(0.005);
      expect(await button(page, 'Confusion matrix').count()).toBe(0);
    });
  });

  it('Copy image puts the plane on the clipboard as a PNG', async () => {
    await withPlayground('cpu', '#dataset=circle', async (page) => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await button(page, 'Share link').click();
      await button(page, 'Copy image').click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied the plane' }).count()).toBe(1);
      const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
      expect(types).toContain('image/png');
    });
  });

  it('where the clipboard refuses pictures, Copy image says so and downloads the plane instead', async () => {
    await withPlayground('cpu', '#dataset=circle', async (page) => {
      await page.evaluate(() => Object.defineProperty(navigator.clipboard, 'write', { value: () => Promise.reject(new Error('Write permission denied.')) }));
      await button(page, 'Share link').click();
      const file = await download(page, button(page, 'Copy image'));
      expect(file.name).toBe('descent-plane.png');
      expect(file.text.slice(1, 4)).toBe('PNG');
      await expect.poll(() => page.getByText('Could not copy the picture: the browser refused (Write permission denied.). Downloaded it as descent-plane.png instead.').count()).toBe(1);
    });
  });
});
