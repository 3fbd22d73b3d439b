import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../src/ui/names';
import { button, expectHealthy, field, openPlayground, reopen, withPlayground, type BackendMode } from './browser';

/** The text of the Goal readout. */
const goal = async (page: Page): Promise<string> => (await field(page, 'Goal').textContent()) ?? '';
const limits = async (page: Page): Promise<string> => (await page.getByRole('list', { name: 'Limits' }).textContent()) ?? '';

describe.each<BackendMode>(['cpu', 'webgpu'])('challenges on %s', (mode) => {
  it('a challenge opened from its link is solved by the student, and the solution link re-runs and re-checks it', async () => {
    const playground = await openPlayground(mode, '#challenge=circle-no-hidden');
    try {
      const { page } = playground;
      // The challenge starts from the default network, which breaks its limit.
      await expect.poll(() => goal(page)).toMatch(/^Test accuracy .* — goal ≥ 95\.0%$/);
      expect(await limits(page)).toContain('hidden layers 2 ≤ 0');
      expect(await field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.circle);
      await button(page, 'Hint').click();
      expect(await page.getByRole('list', { name: 'Hints' }).getByRole('listitem').allTextContents()).toEqual(['With no hidden layer the boundary is a line in the space of the features.']);

      // The student's answer: no hidden layer, and the squared features.
      await button(page, 'Remove layer').click();
      await button(page, 'Remove layer').click();
      await button(page, 'Feature x1 squared').click();
      await button(page, 'Feature x2 squared').click();
      await expect.poll(() => limits(page)).toContain('hidden layers 0 ≤ 0');
      await button(page, 'Play').click();
      await expect.poll(() => goal(page), { timeout: 120_000, interval: 250 }).toMatch(/^Solved at epoch \d+ with 5 parameters$/);
      await button(page, 'Pause').click();
      // Said once to a screen reader, from a polite live region.
      expect(await page.getByRole('status', { name: 'Challenge news' }).textContent()).toMatch(/^Solved at epoch \d+ with 5 parameters$/);
      const solvedAt = Number(/epoch (\d+)/.exec(await goal(page))![1]);

      const proof = page.getByRole('link', { name: 'Link to this solution' });
      await proof.waitFor();
      const link = (await proof.getAttribute('href'))!;
      expect(link).toContain('challenge=circle-no-hidden');
      expect(link).toContain(`proof=${solvedAt}`);
      await reopen(page, mode, link.slice(link.indexOf('#')));
      await expect.poll(() => goal(page), { timeout: 120_000, interval: 250 }).toMatch(new RegExp(`^Checked: solved at epoch \\d+ with 5 parameters \\(the link says epoch ${solvedAt}\\)$`));
      await expectHealthy(playground);
    } finally {
      await playground.browser.close();
    }
  });
});

describe('challenges on the CPU', () => {
  it('a solution link whose model breaks the limits is re-run and found not solved', async () => {
    await withPlayground('cpu', '#dataset=circle&challenge=circle-no-hidden&proof=3', async (page) => {
      await expect.poll(() => goal(page), { timeout: 60_000 }).toMatch(/^Checked: not solved by epoch \d+ \(the link says epoch 3\)$/);
      expect(await button(page, 'Play').isVisible()).toBe(true);
    });
  });

  it('the Challenges panel lists the eight challenges and starts one on its data, from a model that does not solve it', async () => {
    await withPlayground('cpu', '', async (page) => {
      await button(page, 'Challenges').click();
      const panel = page.getByRole('complementary', { name: 'Challenges' });
      expect(await panel.getByRole('listitem').count()).toBe(8);
      await panel.getByRole('link', { name: 'Start: The spiral under 80 parameters' }).click();
      await expect.poll(() => field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.spiral);
      // The panel makes way for the network, which the challenge asks to change.
      await expect.poll(() => panel.count()).toBe(0);
      expect(await button(page, 'Remove layer').isVisible()).toBe(true);
      expect(await page.getByRole('region', { name: 'Challenge' }).locator('strong').textContent()).toBe('The spiral under 80 parameters');
      await expect.poll(() => limits(page)).toContain('parameters 105 ≤ 80');
      await expect.poll(() => goal(page)).toMatch(/^Test accuracy \d+\.\d% — goal ≥ 90\.0%$/);
      await button(page, 'Leave').click();
      expect(await field(page, 'Goal').count()).toBe(0);
    });
  });

  it("a teacher's challenge, written in the Share panel, opens from its link with its goal, limits and hints", async () => {
    await withPlayground('cpu', '#dataset=xor', async (page) => {
      await button(page, 'Share link').click();
      const form = page.getByRole('form', { name: 'Write a challenge' });
      await form.getByLabel('Title', { exact: true }).fill('XOR with two units');
      await form.getByLabel('Goal', { exact: true }).selectOption('testAccuracy');
      await form.getByLabel('Goal value', { exact: true }).fill('0.9');
      await form.getByLabel('Max units per layer', { exact: true }).fill('two');
      await form.getByLabel('Hint 1', { exact: true }).fill('Two lines & a bend.');
      await form.getByRole('button', { name: 'Make challenge link' }).click();
      // A bad value is named by its field, and no link is made.
      await expect.poll(() => form.getByRole('alert').textContent()).toBe('Max units per layer must be a whole number from 0 to 4096; got "two"; left out');
      expect(await form.getByLabel('Challenge link').count()).toBe(0);
      await form.getByLabel('Max units per layer', { exact: true }).fill('2');
      await form.getByRole('button', { name: 'Make challenge link' }).click();
      const link = await form.getByLabel('Challenge link').inputValue();
      expect(link).toContain('challenge=custom');

      await reopen(page, 'cpu', link.slice(link.indexOf('#')));
      expect(await page.getByRole('region', { name: 'Challenge' }).locator('strong').textContent()).toBe('XOR with two units');
      expect(await field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.xor);
      await expect.poll(() => goal(page)).toMatch(/^Test accuracy \d+\.\d% — goal ≥ 90\.0%$/);
      expect(await limits(page)).toContain('units in a layer 8 ≤ 2');
      await button(page, 'Hint').click();
      expect(await page.getByRole('list', { name: 'Hints' }).textContent()).toBe('Two lines & a bend.');
      expect(await button(page, 'Hint').isDisabled()).toBe(true);
    });
  });
});
