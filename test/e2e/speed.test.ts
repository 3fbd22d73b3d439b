import { describe, expect, it } from 'vitest';
import { button, expectHealthy, field, openMoreSettings, openPlayground, type BackendMode } from './browser';
import type { Page } from 'playwright-core';

/** The epoch the readout shows (it reads "0.05", "3.2" or "1,204"). */
const epochOf = async (page: Page): Promise<number> => Number((await field(page, 'Epoch').textContent())!.replace(/,/g, ''));

/** Plays for `ms`, then pauses; returns how many epochs were trained meanwhile. */
async function epochsWhilePlaying(page: Page, ms: number): Promise<number> {
  const before = await epochOf(page);
  await button(page, 'Play').click();
  await page.waitForTimeout(ms);
  await button(page, 'Pause').click();
  await button(page, 'Play').waitFor();
  return (await epochOf(page)) - before;
}

describe.each<BackendMode>(['cpu', 'webgpu'])('Speed on %s', (mode) => {
  it('slow motion takes a few steps a second, and Max trains as fast as the machine goes', { timeout: 120_000 }, async () => {
    const playground = await openPlayground(mode);
    const { page } = playground;
    try {
      await openMoreSettings(page);
      const speed = field(page, 'Speed');
      expect(await speed.getAttribute('aria-valuetext')).toBe('300 steps/s');
      await speed.focus();
      await page.keyboard.press('Home');
      await expect.poll(() => speed.getAttribute('aria-valuetext')).toBe('1 step/s');
      // 22 steps make an epoch of the default data: at one step a second, 4 s are under a quarter of an epoch.
      const slow = await epochsWhilePlaying(page, 4000);
      expect(slow).toBeGreaterThan(0);
      expect(slow).toBeLessThanOrEqual(0.25);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('speed=1');

      await speed.focus();
      await page.keyboard.press('End');
      await expect.poll(() => speed.getAttribute('aria-valuetext')).toBe('Max');
      const fast = await epochsWhilePlaying(page, 4000);
      expect(fast).toBeGreaterThan(20 * slow);
      expect(fast).toBeGreaterThan(2);
      await expect.poll(() => page.evaluate(() => location.hash)).toContain('speed=max');
      await expectHealthy(playground);
    } finally {
      await playground.browser.close();
    }
  });
});

it('a link sets the speed, and a bad one keeps the default with a notice', { timeout: 60_000 }, async () => {
  const playground = await openPlayground('cpu', 'speed=max');
  const { page } = playground;
  try {
    expect(await field(page, 'Speed').getAttribute('aria-valuetext')).toBe('Max');
    await page.goto(page.url().replace(/speed=max/, 'speed=fast'));
    await openMoreSettings(page);
    await expect.poll(() => page.locator('[role="alert"]').textContent()).toContain('Speed must be a whole number from 1 to 1000000 or "max"; got "fast"; kept 300 steps/s');
    expect(await field(page, 'Speed').getAttribute('aria-valuetext')).toBe('300 steps/s');
  } finally {
    await playground.browser.close();
  }
});
