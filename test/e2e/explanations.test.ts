import { expect, it } from 'vitest';
import { SETTING_EXPLANATIONS } from '../../src/ui/explanations';
import { button, field, openPlayground } from './browser';

it('explains a setting on focus and opens its formula from "What is this?"', async () => {
  const { browser, page, errors } = await openPlayground('cpu');
  try {
    await field(page, 'Learning rate').focus();
    const description = await field(page, 'Learning rate').evaluate((input) => document.getElementById(input.getAttribute('aria-describedby')!)?.textContent);
    expect(description).toBe(SETTING_EXPLANATIONS.lr.hint);

    for (const label of ['Architecture', 'Activation', 'Initialisation', 'Optimizer', 'Learning rate', 'Batch size', 'L1', 'L2', 'Dropout', 'Run on', 'Input features', 'Discretize']) {
      await expect.poll(() => button(page, `What is ${label}?`).count(), { message: label }).toBe(1);
    }

    await button(page, 'What is Learning rate?').click();
    const note = page.getByRole('note', { name: 'About Learning rate' });
    await expect.poll(() => note.textContent()).toContain('θₙ₊₁ = θₙ − α∇L(θₙ)');
    expect(await button(page, 'What is Learning rate?').getAttribute('aria-expanded')).toBe('true');
    // The note is painted in full, above the workspace: a click at its centre lands on it.
    const hit = await note.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
    });
    expect(hit).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => note.count()).toBe(0);

    await button(page, 'What is Initialisation?').click();
    await expect.poll(() => page.getByRole('note', { name: 'About Initialisation' }).textContent()).toContain('N(0, 2/n_in)');
    await button(page, 'What is Discretize?').click();
    await expect.poll(() => page.getByRole('note', { name: 'About Discretize' }).textContent()).toContain('the class the model predicts');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
});
