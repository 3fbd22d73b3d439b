import { describe, expect, it } from 'vitest';
import { button, field, openPlayground, type BackendMode } from './browser';

/** How long training runs while long tasks are watched. */
const WATCH_MS = 5000;

describe.each<BackendMode>(['webgpu', 'cpu'])('the main thread while training on %s', (mode) => {
  it('runs no task longer than 50 ms with the default layout', async () => {
    const { browser, page } = await openPlayground(mode);
    try {
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { longTasks: number[] }).longTasks = seen;
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => seen.push(entry.duration))).observe({ type: 'longtask' });
      });
      await button(page, 'Play').click();
      await page.waitForTimeout(WATCH_MS);
      await page.keyboard.press('Space');
      await button(page, 'Play').waitFor();
      const epochs = Number((await field(page, 'Epoch').textContent())!.replace(/,/g, ''));
      expect(epochs).toBeGreaterThan(1);
      const longTasks = await page.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);
      expect(longTasks).toEqual([]);
      // The observer does see a long task: one made on purpose is reported.
      await page.evaluate(() =>
        setTimeout(() => {
          const end = performance.now() + 120;
          while (performance.now() < end);
        }),
      );
      await expect.poll(() => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length)).toBe(1);
    } finally {
      await browser.close();
    }
  });
});
