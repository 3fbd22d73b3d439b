import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessons';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { button, enter, field, withPlayground } from './browser';

/** Notices as a person meets them: what they say, where they sit, and that they go away. Each test opens a fresh page on the CPU worker. */

/** Opens a fresh page at `hash`, runs `steps`, then checks that nothing failed on the page. */
const withPage = (hash: string, steps: (page: Page) => Promise<void>): Promise<void> => withPlayground('cpu', hash, steps);

/** The alert region; found by its role attribute, since it is not shown while empty. */
const alert = (page: Page): Locator => page.locator('[role="alert"]');

/** Whether two boxes share any area. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Checks that the error notice covers none of the readouts and that its Dismiss button lies inside the window. */
async function expectNoticeClearOfReadouts(page: Page): Promise<void> {
  const notice = (await alert(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  const dismiss = (await alert(page).getByRole('button', { name: 'Dismiss' }).boundingBox())!;
  expect(dismiss.x).toBeGreaterThanOrEqual(0);
  expect(dismiss.y).toBeGreaterThanOrEqual(0);
  expect(dismiss.x + dismiss.width).toBeLessThanOrEqual(viewport.width);
  expect(dismiss.y + dismiss.height).toBeLessThanOrEqual(viewport.height);
  // The button is the element at its own centre: nothing is drawn over it.
  const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: dismiss.x + dismiss.width / 2, y: dismiss.y + dismiss.height / 2 });
  expect(onTop).toBe('Dismiss');
  const readouts = [
    page.getByRole('group', { name: 'Metrics' }),
    page.getByRole('img', { name: 'Loss chart' }),
    page.getByRole('img', { name: 'Decision boundary' }),
    field(page, 'Epoch'),
    field(page, 'Updates/s'),
    field(page, 'Backend'),
  ];
  for (const readout of readouts) {
    const box = (await readout.boundingBox())!;
    expect(overlap(notice, box), `the notice covers ${readout}`).toBe(false);
  }
}

describe('messages', () => {
  it('a link with points=0 and lr=12 names the Points and Learning rate controls and what they accept, not a config path', async () => {
    await withPage('#points=0&lr=12', async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('Points must be a whole number from 1 to 100000; got 0; kept 500');
      const text = (await alert(page).textContent())!;
      expect(text).toContain('Learning rate must be a number from 0 to 10; got 12; kept 0.01');
      expect(text).not.toMatch(/data\.points|learningRate|\bpoints:|\blr:/);
      expect(await field(page, 'Points').inputValue()).toBe('500');
    });
  });

  it('a link that writes a number in hexadecimal is refused, not read as another number', async () => {
    await withPage('#points=0x20', async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('Points must be a decimal number; got "0x20"; kept 500');
      expect(await field(page, 'Points').inputValue()).toBe('500');
    });
  });

  it('0x20 typed in Points is marked invalid and changes nothing', async () => {
    await withPage('', async (page) => {
      await enter(page, 'Points', '0x20');
      await expect.poll(() => field(page, 'Points').getAttribute('aria-invalid')).toBe('true');
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => location.hash)).not.toContain('points=32');
    });
  });

  it('a 100,000-character unknown key is echoed cut short, and the notice wraps, covers no readout and can be dismissed at every size', async () => {
    const key = 'k'.repeat(100_000);
    await withPage(`#${key}=1&lr=fast`, async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('is not a setting Descent knows; ignored');
      const text = (await alert(page).textContent())!;
      expect(text.length).toBeLessThan(300);
      expect(text).toMatch(/"k{30,40}…" is not a setting/);
      for (const [width, height] of [
        [1100, 640],
        [1280, 720],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await expectNoticeClearOfReadouts(page);
      }
      await alert(page).getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => alert(page).textContent()).toBe('');
    });
  });

  it('in presentation mode too, a long notice wraps, covers no readout and keeps Dismiss in view', async () => {
    await withPage(`#present=1&${'k'.repeat(100_000)}=1&lr=fast&hidden=4,x`, async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('is not a setting Descent knows; ignored');
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ]) {
        await page.setViewportSize({ width, height });
        await expectNoticeClearOfReadouts(page);
      }
    });
  });

  it('"Training diverged" sits clear of the readouts it is about, and Dismiss hides it', async () => {
    const lesson = LESSONS.find((candidate) => candidate.id === 'learning-rate')!;
    await withPage(lessonHash(lesson, lesson.setups.find((setup) => setup.label === 'Learning rate 3')!), async (page) => {
      await button(page, '+1 epoch').click();
      await expect.poll(() => alert(page).textContent(), { timeout: 30_000 }).toContain('Training diverged');
      await expectNoticeClearOfReadouts(page);
      await alert(page).getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => alert(page).textContent()).toBe('');
    });
  });
});

describe('controls a link shows', () => {
  it('#show=nothing says the value was ignored and hides nothing', async () => {
    await withPage('#show=nothing', async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('"nothing" is not a control of the page; ignored');
      for (const name of ['Play', '+1 epoch', 'Reset', 'Share link', 'Lessons', 'Add layer', 'Export weights']) expect(await button(page, name).isVisible(), name).toBe(true);
      for (const label of ['Dataset', 'Learning rate', 'Activation', 'Points']) expect(await field(page, label).isVisible(), label).toBe(true);
    });
  });

  it('a link cannot hide Play, +1 epoch, Reset or Share link, by hide= or by show=', async () => {
    await withPage('#hide=transport&show=lr', async (page) => {
      await expect.poll(() => alert(page).textContent()).toContain('Play, +1 epoch and Reset always show; a link cannot hide them');
      for (const name of ['Play', '+1 epoch', 'Reset', 'Share link']) expect(await button(page, name).isVisible(), name).toBe(true);
      expect(await field(page, 'Learning rate').isVisible()).toBe(true);
      expect(await field(page, 'Dataset').count()).toBe(0);
      await button(page, 'Share link').click();
      const choices = page.getByRole('group', { name: 'Controls the page shows' });
      expect(await choices.getByLabel('Learning rate').isChecked()).toBe(true);
      expect(await choices.getByText(/Play/).count()).toBe(0);
    });
  });
});
