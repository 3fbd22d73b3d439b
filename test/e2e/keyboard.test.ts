import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { button, field, withPlayground } from './browser';

/**
 * The keyboard as a person uses it: shortcuts when focus is on no control, keys to the control that
 * has focus, Escape out of side panels; and what a screen reader finds.
 */

/** A fresh page on the CPU worker; it must end healthy. */
const withPage = (steps: (page: Page) => Promise<void>, hash = ''): Promise<void> => withPlayground('cpu', hash, steps);

/** The accessible name (or text) of the focused element, and whether it lies inside the side panel named `panel`. */
const focused = (page: Page, panel?: string) =>
  page.evaluate((name) => {
    const element = document.activeElement as HTMLElement | null;
    const inside = name ? !!element?.closest(`aside[aria-label="${name}"]`) : false;
    return { text: element?.textContent?.trim() ?? '', tag: element?.tagName ?? '', inside };
  }, panel);

/** Moves focus off every control, as a click on empty page does. */
const focusNothing = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

describe('keyboard', () => {
  it('Space on a focused Add layer button adds a layer and does not start training', async () => {
    await withPage(async (page) => {
      await expect.poll(() => page.getByText('2 hidden layers').count()).toBe(1);
      await button(page, 'Add layer').focus();
      await page.keyboard.press('Space');
      await expect.poll(() => page.getByText('3 hidden layers').count()).toBe(1);
      await page.waitForTimeout(500);
      expect(await button(page, 'Play').isVisible()).toBe(true);
      expect(await field(page, 'Epoch').textContent()).toMatch(/^0(\.0+)?$/);
    });
  });

  it('S and R typed in a field type there; Space, S and R with focus on no control play, pause, step and reset', async () => {
    await withPage(async (page) => {
      await field(page, 'Learning rate').fill('');
      await field(page, 'Learning rate').press('S');
      await field(page, 'Learning rate').press('R');
      expect(await field(page, 'Learning rate').inputValue()).toBe('SR');
      await field(page, 'Learning rate').press('Escape');
      await focusNothing(page);
      await page.keyboard.press('s');
      await expect.poll(async () => Number(await field(page, 'Epoch').textContent()), { timeout: 30_000 }).toBe(1);
      await page.keyboard.press('Space');
      await expect.poll(() => button(page, 'Pause').count()).toBe(1);
      await page.keyboard.press('Space');
      await expect.poll(() => button(page, 'Play').count()).toBe(1);
      await page.keyboard.press('r');
      await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBe(0);
    });
  });

  for (const [opener, panel] of [
    ['Lessons', 'Lessons'],
    ['Share link', 'Share'],
    ['Challenges', 'Challenges'],
    ['Confusion matrix', 'Confusion matrix'],
    ['Compare', 'Compare'],
  ] as const) {
    it(`${opener}: focus moves into the panel when it opens; Escape closes it and gives focus back to ${opener}`, async () => {
      await withPage(async (page) => {
        await button(page, opener).click();
        await expect.poll(() => page.getByRole('complementary', { name: panel }).count()).toBe(1);
        await expect.poll(async () => (await focused(page, panel)).inside).toBe(true);
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByRole('complementary', { name: panel }).count()).toBe(0);
        await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', text: opener });

        // By keyboard alone: Enter on the focused button opens it again, the panel's Close button gives focus back too.
        await page.keyboard.press('Enter');
        await expect.poll(async () => (await focused(page, panel)).inside).toBe(true);
        await page.getByRole('complementary', { name: panel }).getByRole('button', { name: 'Close' }).click();
        await expect.poll(() => page.getByRole('complementary', { name: panel }).count()).toBe(0);
        await expect.poll(() => focused(page)).toMatchObject({ tag: 'BUTTON', text: opener });
      });
    });
  }
});

describe('assistive technology', () => {
  it('every neuron thumbnail and output unit is a button with a name a screen reader can say', async () => {
    await withPage(async (page) => {
      const diagram = page.getByRole('group', { name: 'Network diagram' });
      await expect.poll(() => diagram.getByRole('button', { name: 'Neuron 1 of layer 1' }).count()).toBe(1);
      expect(await diagram.getByRole('button', { name: 'Neuron 4 of layer 2' }).count()).toBe(1);
      expect(await diagram.getByRole('button', { name: 'Output: probability of class 2' }).count()).toBe(1);
      const names = await diagram.locator('canvas.thumbnail').evaluateAll((canvases) => canvases.map((canvas) => canvas.getAttribute('aria-label')));
      expect(names).toHaveLength(8 + 8 + 3);
      expect(names.every((name) => name && name.length > 0)).toBe(true);
    }, '#dataset=spiral&classes=3');
  });
});
