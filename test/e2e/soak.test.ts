import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, expectHealthy, field, openPlayground, type BackendMode } from './browser';

/** How long the default experiment plays. */
const PLAY_MS = 60_000;
/** The most the JS heap may grow over the second half of the soak (the loss history still fills). */
const HEAP_GROWTH_BYTES = 1_000_000;

const epochOf = async (page: Page) => Number((await field(page, 'Epoch').textContent())!.replace(/,/g, ''));

describe.each<BackendMode>(['webgpu', 'cpu'])('a minute of training on %s', (mode) => {
  it('keeps training on the same backend, with no error or warning, a flat heap, and Steps/s 0 after Pause', { timeout: 240_000 }, async () => {
    const playground = await openPlayground(mode);
    const { page } = playground;
    try {
      const cdp = await page.context().newCDPSession(page);
      const heap = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      await button(page, 'Play').click();
      await page.waitForTimeout(PLAY_MS / 2);
      const halfway = { epoch: await epochOf(page), heap: await heap() };
      expect(halfway.epoch).toBeGreaterThan(1);
      await page.waitForTimeout(PLAY_MS / 2);
      const end = { epoch: await epochOf(page), heap: await heap() };
      expect(end.epoch).toBeGreaterThan(halfway.epoch);
      expect(end.heap - halfway.heap).toBeLessThan(HEAP_GROWTH_BYTES);
      await button(page, 'Pause').click();
      await page.waitForTimeout(2000);
      expect(await field(page, 'Steps/s').textContent()).toBe('0');
      await expectHealthy(playground);
    } finally {
      await playground.browser.close();
    }
  });
});
