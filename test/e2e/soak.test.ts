import { describe, expect, it } from 'vitest';
import { button, expectHealthy, field, openPlayground, type BackendMode } from './browser';
import { epochIn, heapAfterGc } from './measures';

/** How long the default experiment plays; `npm run test:soak` sets a longer one. */
const SOAK_SECONDS = Number(process.env.DESCENT_SOAK_SECONDS ?? 40);
/** The JS heap may end the second half this much above its start (the loss history is bounded, so it should not grow). */
const HEAP_SLACK_BYTES = 1.5 * 1024 * 1024;

describe.each<BackendMode>(['webgpu', 'cpu'])('the default experiment played for minutes on %s', (mode) => {
  it(`trains for ${SOAK_SECONDS} s on ${mode}: no fallback, epochs keep advancing, a flat heap, and 0 steps/s after Pause`, { timeout: (SOAK_SECONDS + 120) * 1000 }, async () => {
    const playground = await openPlayground(mode);
    const { browser, page } = playground;
    try {
      await button(page, 'Play').click();
      const backendName = mode === 'webgpu' ? /^WebGPU · / : /^CPU · /;
      const checkpoints = 6;
      const epochs: number[] = [];
      const heaps: number[] = [];
      for (let i = 1; i <= checkpoints; i++) {
        await page.waitForTimeout((SOAK_SECONDS * 1000) / checkpoints);
        epochs.push(await epochIn(page));
        expect(await field(page, 'Backend').textContent(), `backend after ${(i * SOAK_SECONDS) / checkpoints} s`).toMatch(backendName);
        if (i >= checkpoints / 2) heaps.push(await heapAfterGc(page));
      }
      for (let i = 1; i < epochs.length; i++) expect(epochs[i], `epochs at checkpoint ${i + 1} of ${checkpoints}: ${epochs.join(', ')}`).toBeGreaterThan(epochs[i - 1]);
      // A leak grows; a call's results still in flight at one reading are no leak.
      expect(heaps[heaps.length - 1] - heaps[0], `heap over the second half: ${heaps.map((bytes) => (bytes / 1e6).toFixed(2)).join(', ')} MB`).toBeLessThan(HEAP_SLACK_BYTES);

      await button(page, 'Pause').click();
      await page.waitForTimeout(2000);
      expect(await field(page, 'Updates/s').textContent()).toBe('0');
      await expectHealthy(playground);
    } finally {
      await browser.close();
    }
  });
});
