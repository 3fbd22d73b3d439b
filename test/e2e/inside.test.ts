import { expect, it } from 'vitest';
import { button, expectHealthy, field, openPlayground, type BackendMode } from './browser';

/** The See inside panel on both backends, driven by the names the page gives its controls. */

it.each<BackendMode>(['cpu', 'webgpu'])('shows a layer’s view, linear separability and gradient flow, live, on %s', async (mode) => {
  const playground = await openPlayground(mode);
  const { page } = playground;
  try {
    await button(page, 'See inside').click();
    const panel = page.getByRole('complementary', { name: 'See inside' });
    await panel.waitFor();
    const layer = field(page, 'Layer');
    // The default 2-[8,8]-1: the input and two hidden layers; the last is shown first.
    expect(await layer.locator('option').allTextContents()).toEqual(['Input (2 units)', 'Layer 1 (8 units)', 'Layer 2 (8 units)']);
    await expect.poll(() => panel.getByRole('img').getAttribute('aria-label')).toBe("Layer 2 seen through two principal components of its 8 units: the plane's lines and the training points");
    const separability = panel.getByRole('list', { name: 'Linear separability' }).getByRole('listitem');
    await expect.poll(() => separability.allTextContents(), { timeout: 60_000 }).toEqual([expect.stringMatching(/^Input\d+%$/), expect.stringMatching(/^Layer 1\d+%$/), expect.stringMatching(/^Layer 2\d+%$/)]);
    const flow = panel.getByRole('table', { name: 'Gradient flow' }).locator('tbody tr');
    await expect.poll(() => flow.allTextContents(), { timeout: 60_000 }).toEqual([
      expect.stringMatching(/^Layer 1\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
      expect.stringMatching(/^Layer 2\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
      expect.stringMatching(/^Output\d\.\de[-+]\d+\d\.\de[-+]\d+$/),
    ]);

    // Training moves the numbers while the panel is open.
    const before = await flow.allTextContents();
    await button(page, 'Play').click();
    await expect.poll(() => flow.allTextContents(), { timeout: 60_000 }).not.toEqual(before);
    await button(page, 'Pause').click();

    await layer.selectOption({ label: 'Input (2 units)' });
    await expect.poll(() => panel.getByRole('img').getAttribute('aria-label')).toBe("Input seen through its two units: the plane's lines and the training points");

    // Escape from within the panel closes it and gives focus back to the button that opened it.
    await layer.focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('See inside');
    await expectHealthy(playground);
  } finally {
    await playground.browser.close();
  }
});
