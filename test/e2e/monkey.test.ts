import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/core/config';
import { createRng } from '../../src/core/rng';
import { UNDO_LIMIT } from '../../src/ui/store';
import { DATASET_NAMES } from '../../src/ui/names';
import { button, chooseFile, clickPlane, download, enter, expectHealthy, field, openPlayground } from './browser';

/** Seeded random use of the page while it trains: every action is answered, and the data changes only as the actions say. */
const ACTIONS = 300;

/** What the test expects the data to be: its size and dataset, with the edits Undo and Redo can reach. */
interface DataShown {
  count: number;
  preset: string;
}

describe('three hundred random actions while training', () => {
  it('leave no page error, and every data edit, undo and redo does what it says', { timeout: 600_000 }, async () => {
    const playground = await openPlayground('cpu');
    const { page } = playground;
    const rng = createRng(20251130);
    let shown: DataShown = { count: 500, preset: 'circle' };
    let past: DataShown[] = [];
    let future: DataShown[] = [];
    const edited = (next: DataShown) => {
      past = [...past, shown].slice(-UNDO_LIMIT);
      future = [];
      shown = next;
    };
    const points = () => field(page, 'Points').inputValue();
    const pick = <T,>(items: readonly T[]): T => items[rng.int(items.length)];
    const usable = async (name: string) => (await button(page, name).count()) === 1 && !(await button(page, name).isDisabled());

    const actions: Record<string, () => Promise<void>> = {
      dataset: async () => {
        const preset = pick(PRESET_NAMES);
        await field(page, 'Dataset').selectOption({ label: DATASET_NAMES[preset] });
        if (preset !== shown.preset) edited({ count: 500, preset });
      },
      draw: async () => {
        if ((await button(page, 'Draw points').getAttribute('aria-pressed')) !== 'true') await button(page, 'Draw points').click();
        if (await button(page, 'Class 2').count()) await button(page, pick(['Class 1', 'Class 2', 'Class 3'])).click();
        await clickPlane(page, rng.uniform(-5.5, 5.5), rng.uniform(-5.5, 5.5));
        edited({ count: shown.count + 1, preset: 'custom' });
      },
      erase: async () => {
        if ((await button(page, 'Erase points').getAttribute('aria-pressed')) !== 'true') await button(page, 'Erase points').click();
        const before = shown.count;
        await clickPlane(page, rng.uniform(-5, 5), rng.uniform(-5, 5));
        // The eraser takes what lies under it: read how many, once the page has answered.
        await page.waitForTimeout(100);
        const after = Number(await points());
        if (after !== before) edited({ count: after, preset: 'custom' });
      },
      clear: async () => {
        await button(page, 'Clear points').click();
        edited({ count: 0, preset: 'custom' });
      },
      regenerate: async () => {
        await button(page, 'Regenerate').click();
        edited({ ...shown });
      },
      undo: async () => {
        if (!(await usable('Undo'))) return;
        await button(page, 'Undo').click();
        future = [...future, shown];
        shown = past.at(-1)!;
        past = past.slice(0, -1);
      },
      redo: async () => {
        if (!(await usable('Redo'))) return;
        await button(page, 'Redo').click();
        past = [...past, shown];
        shown = future.at(-1)!;
        future = future.slice(0, -1);
      },
      addLayer: async () => {
        if (await usable('Add layer')) await button(page, 'Add layer').click();
      },
      removeLayer: async () => {
        if (await usable('Remove layer')) await button(page, 'Remove layer').click();
      },
      learningRate: async () => {
        const text = pick(['0.01', '0.03', '0.3', 'fast', '-1', '']);
        await enter(page, 'Learning rate', text);
      },
      playOrPause: async () => {
        await button(page, (await button(page, 'Play').count()) ? 'Play' : 'Pause').click();
      },
      step: async () => {
        await button(page, 'Step').click();
      },
      reset: async () => {
        await button(page, 'Reset').click();
        await expect.poll(() => field(page, 'Epoch').textContent()).toBe('0.00');
      },
      exportAndImportData: async () => {
        if (shown.count === 0) return;
        const csv = await download(page, button(page, 'Export data'));
        await chooseFile(page, button(page, 'Import data'), 'again.csv', csv.text);
        await expect.poll(() => page.locator('.notices').textContent()).toContain('again.csv');
        // Points all of one whole-number label are refused, with the rule; anything else is loaded.
        if (!(await page.locator('.notices [role="alert"]').textContent())?.includes('again.csv')) edited({ count: shown.count, preset: 'custom' });
      },
      exportAndImportWeights: async () => {
        const file = await download(page, button(page, 'Export weights'));
        await chooseFile(page, button(page, 'Import weights'), 'again.json', file.text);
      },
      resize: async () => {
        await page.setViewportSize({ width: 900 + rng.int(800), height: 600 + rng.int(500) });
      },
    };

    const names = Object.keys(actions);
    for (let i = 0; i < ACTIONS; i++) {
      const name = pick(names);
      await actions[name]();
      // A dismissable notice (an import that does not fit, a bad value) is read and dismissed as a person would.
      if (await button(page, 'Dismiss').count()) await button(page, 'Dismiss').first().click();
      await expect.poll(points, { message: `after action ${i + 1} (${name})` }).toBe(String(shown.count));
      expect(await page.evaluate(() => document.readyState)).toBe('complete');
    }
    await expectHealthy(playground);
    await playground.browser.close();
  });
});
