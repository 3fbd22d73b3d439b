import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planNetwork } from '../../src/core/network';
import { createRng, type Rng } from '../../src/core/rng';
import { parseWeights } from '../../src/io/weights';
import { button, chooseFile, clickPlane, download, expectHealthy, field, openPlayground, type BackendMode } from './browser';

/**
 * A seeded random user: hundreds of actions in odd orders while the model trains. After each one
 * the page must still answer, show no error, and hold exactly the data and the layout the actions
 * made (the data is read back through Export data, the layout through the network's summary).
 */

const ACTIONS = Number(process.env.DESCENT_MONKEY_ACTIONS ?? 200);
const SEED = Number(process.env.DESCENT_MONKEY_SEED ?? 20261130);
const VIEWPORTS = [
  [1920, 1080],
  [1366, 768],
  [1280, 720],
  [1024, 768],
  [820, 1180],
  [390, 844],
] as const;
const TRAINING_FIELDS = ['Learning rate', 'L1', 'L2', 'Dropout', 'Batch size'] as const;
const VALID_TEXT: Record<(typeof TRAINING_FIELDS)[number], readonly string[]> = {
  'Learning rate': ['0.03', '0.1', '0.003', '1'],
  L1: ['0', '0.001'],
  L2: ['0', '0.01'],
  Dropout: ['0', '0.2'],
  'Batch size': ['8', '32', '1'],
};
const INVALID_TEXT = ['', 'abc', '-1', '1e999', '0x10', '12,5', 'NaN'];

/** What the page must hold: the data rows as Export data gives them, and the number of hidden layers. */
interface Expected {
  rows: string[];
  hiddenLayers: number;
  /** Data before each undoable edit, newest last; and what Redo brings back. */
  undo: string[][];
  redo: string[][];
  /** The last exported weights file, for Import weights. */
  weights: string | null;
}

async function exportedRows(page: Page): Promise<string[]> {
  // A notice appearing or going moves the workspace; a click that lands as it moves is tried again, as a person would.
  for (let attempt = 1; ; attempt++) {
    try {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), button(page, 'Export data').click()]);
      return readFileSync(await file.path(), 'utf8').trimEnd().split('\n').slice(1);
    } catch (error) {
      if (attempt === 2) throw new Error(`Export data gave no file twice; notices: ${await page.locator('.notices').textContent()}`, { cause: error });
    }
  }
}

async function hiddenLayersShown(page: Page): Promise<number> {
  const summary = await page.getByText(/\d+ hidden layers? /).first().textContent();
  return Number(/(\d+) hidden layer/.exec(summary ?? '')![1]);
}

const pick = <T,>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];

/** A small CSV of two classes the user might import. */
function smallCsv(rng: Rng): { text: string; rows: number } {
  const rows = 5 + rng.int(40);
  const lines = ['x1,x2,label'];
  for (let i = 0; i < rows; i++) lines.push(`${rng.uniform(-5, 5).toFixed(3)},${rng.uniform(-5, 5).toFixed(3)},${i % 2}`);
  return { text: `${lines.join('\n')}\n`, rows };
}

/** Applies a data edit the user can undo: the page's data before it goes on the undo stack. */
async function dataEdit(page: Page, expected: Expected, act: () => Promise<void>, check: (rows: string[], before: string[]) => void | Promise<void>): Promise<void> {
  const before = expected.rows;
  await act();
  const rows = await exportedRows(page);
  await check(rows, before);
  if (rows.join('\n') !== before.join('\n')) {
    expected.undo.push(before);
    expected.redo = [];
  }
  expected.rows = rows;
}

/** Takes focus off any control, as a click on the page's background does: shortcuts act only then. */
async function focusNothing(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function ensurePressed(page: Page, name: string): Promise<void> {
  if ((await button(page, name).getAttribute('aria-pressed')) !== 'true') await button(page, name).click();
}

type Action = (page: Page, rng: Rng, expected: Expected) => Promise<string>;

/** Undo or Redo, by its button or its keys: the data must come back exactly as it was before the edit (or after it). */
async function travel(page: Page, rng: Rng, expected: Expected, way: 'undo' | 'redo'): Promise<string> {
  const [from, to] = way === 'undo' ? [expected.undo, expected.redo] : [expected.redo, expected.undo];
  const byKey = rng.next() < 0.5;
  if (byKey) {
    await focusNothing(page);
    await page.keyboard.press(way === 'undo' ? 'Control+z' : 'Control+Shift+z');
  } else {
    const name = way === 'undo' ? 'Undo' : 'Redo';
    if (await button(page, name).isEnabled()) await button(page, name).click();
  }
  const wanted = from.pop();
  const rows = await exportedRows(page);
  if (wanted) {
    expect(rows, `${way} brings back the data as it was`).toEqual(wanted);
    to.push(expected.rows);
  } else expect(rows, `nothing to ${way}: the data stays`).toEqual(expected.rows);
  expected.rows = rows;
  return byKey ? `${way} (${way === 'undo' ? 'Ctrl+Z' : 'Ctrl+Shift+Z'})` : way;
}

const actions: Record<string, { weight: number; run: Action }> = {
  chooseDataset: {
    weight: 3,
    run: async (page, rng, expected) => {
      const options = (await field(page, 'Dataset').locator('option').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptionElement).value))).filter((value) => value !== 'custom');
      const choice = pick(rng, options);
      await dataEdit(
        page,
        expected,
        async () => void (await field(page, 'Dataset').selectOption(choice)),
        async (rows) => expect(rows.length, `points of ${choice}`).toBe(Number(await field(page, 'Points').inputValue())),
      );
      return `dataset ${choice}`;
    },
  },
  draw: {
    weight: 6,
    run: async (page, rng, expected) => {
      const classes = await page.getByRole('button', { name: /^Class [012]$/ }).count();
      let label: number | null = null;
      if (classes > 0) {
        label = rng.int(Math.min(classes, 3));
        await button(page, `Class ${label}`).click();
      }
      await ensurePressed(page, 'Draw points');
      const x1 = rng.uniform(-5, 5);
      const x2 = rng.uniform(-5, 5);
      await dataEdit(
        page,
        expected,
        () => clickPlane(page, x1, x2),
        (rows, before) => {
          expect(rows.length, 'one point more').toBe(before.length + 1);
          const added = rows.filter((row) => !before.includes(row)).map((row) => row.split(',').map(Number));
          expect(added.some(([a, b, l]) => Math.hypot(a - x1, b - x2) < 0.15 && (label === null || l === label)), `a point of class ${label} at (${x1.toFixed(2)}, ${x2.toFixed(2)})`).toBe(true);
        },
      );
      return `draw ${label ?? 'value'} at ${x1.toFixed(2)},${x2.toFixed(2)}`;
    },
  },
  erase: {
    weight: 2,
    run: async (page, rng, expected) => {
      await ensurePressed(page, 'Erase points');
      const x1 = rng.uniform(-5, 5);
      const x2 = rng.uniform(-5, 5);
      await dataEdit(
        page,
        expected,
        () => clickPlane(page, x1, x2),
        (rows, before) => {
          expect(rows.length).toBeLessThanOrEqual(before.length);
          expect(rows.every((row) => before.includes(row)), 'erasing adds nothing').toBe(true);
        },
      );
      return `erase at ${x1.toFixed(2)},${x2.toFixed(2)}`;
    },
  },
  clear: {
    weight: 1,
    run: async (page, _rng, expected) => {
      await dataEdit(page, expected, () => button(page, 'Clear points').click(), (rows) => expect(rows).toEqual([]));
      return 'clear';
    },
  },
  regenerate: {
    weight: 1,
    run: async (page, _rng, expected) => {
      if (await button(page, 'Regenerate').isDisabled()) return 'regenerate (disabled)';
      await dataEdit(page, expected, () => button(page, 'Regenerate').click(), (rows, before) => expect(rows.length).toBe(before.length));
      return 'regenerate';
    },
  },
  undo: { weight: 3, run: (page, rng, expected) => travel(page, rng, expected, 'undo') },
  redo: { weight: 2, run: (page, rng, expected) => travel(page, rng, expected, 'redo') },
  addLayer: {
    weight: 2,
    run: async (page, _rng, expected) => {
      if (await button(page, 'Add layer').isDisabled()) return 'add layer (disabled)';
      await button(page, 'Add layer').click();
      expected.hiddenLayers++;
      return 'add layer';
    },
  },
  removeLayer: {
    weight: 2,
    run: async (page, _rng, expected) => {
      if (await button(page, 'Remove layer').isDisabled()) return 'remove layer (disabled)';
      await button(page, 'Remove layer').click();
      expected.hiddenLayers--;
      return 'remove layer';
    },
  },
  typeValue: {
    weight: 4,
    run: async (page, rng) => {
      const name = pick(rng, TRAINING_FIELDS);
      const valid = rng.next() < 0.6;
      const text = valid ? pick(rng, VALID_TEXT[name]) : pick(rng, INVALID_TEXT);
      await field(page, name).fill(text);
      await field(page, name).press('Enter');
      await expect.poll(() => field(page, name).getAttribute('aria-invalid'), { message: `${name} = "${text}"` }).toBe(String(!valid));
      if (!valid) await field(page, name).press('Escape');
      return `type ${name} = "${text}"`;
    },
  },
  typeBadPoints: {
    weight: 1,
    run: async (page, rng) => {
      const text = pick(rng, ['0', '-5', '100001', 'many', '2.5']);
      if (await field(page, 'Points').isDisabled()) return 'type Points (disabled: custom data)';
      await field(page, 'Points').fill(text);
      await field(page, 'Points').press('Enter');
      await expect.poll(() => field(page, 'Points').getAttribute('aria-invalid'), { message: `Points = "${text}"` }).toBe('true');
      await field(page, 'Points').press('Escape');
      return `type Points = "${text}"`;
    },
  },
  transport: {
    weight: 5,
    run: async (page, rng) => {
      const choice = pick(rng, ['toggle', 'toggle', 'step', 'reset', 'space'] as const);
      if (choice === 'toggle') {
        const playing = await button(page, 'Pause').count();
        await button(page, playing ? 'Pause' : 'Play').click();
        return playing ? 'pause' : 'play';
      }
      if (choice === 'space') {
        await focusNothing(page);
        await page.keyboard.press('Space');
        return 'Space';
      }
      await button(page, choice === 'step' ? '+1 epoch' : 'Reset').click();
      return choice;
    },
  },
  exportWeights: {
    weight: 1,
    run: async (page, _rng, expected) => {
      const file = await download(page, button(page, 'Export weights'));
      const weights = parseWeights(file.text, file.name);
      const dense = weights.spec.layers.length - 1;
      expect(dense, 'exported hidden layers').toBeGreaterThanOrEqual(0);
      expected.weights = file.text;
      return 'export weights';
    },
  },
  importWeights: {
    weight: 1,
    run: async (page, _rng, expected) => {
      if (!expected.weights) return 'import weights (none exported yet)';
      const layers = planNetwork(parseWeights(expected.weights, 'model.json').spec).dense.length - 1;
      // An error still shown from an earlier refused import would pass for this one's answer: dismissed first.
      const earlier = page.getByRole('alert').filter({ hasText: 'model.json' }).getByRole('button', { name: 'Dismiss' });
      if ((await earlier.count()) > 0) await earlier.click();
      await chooseFile(page, button(page, 'Import weights'), 'model.json', expected.weights);
      // The model comes in, or (when it does not fit the data now) a message says why and nothing changes.
      const refused = page.getByRole('alert').filter({ hasText: 'model.json' });
      await expect.poll(async () => (await refused.count()) > 0 || (await hiddenLayersShown(page)) === layers).toBe(true);
      if ((await refused.count()) === 0) expected.hiddenLayers = layers;
      return `import weights (${layers} hidden layers)`;
    },
  },
  importData: {
    weight: 1,
    run: async (page, rng, expected) => {
      const csv = smallCsv(rng);
      await dataEdit(
        page,
        expected,
        () => chooseFile(page, button(page, 'Import data'), 'points.csv', csv.text),
        (rows) => expect(rows.length).toBe(csv.rows),
      );
      return `import ${csv.rows} points`;
    },
  },
  seeInside: {
    weight: 2,
    run: async (page, rng) => {
      await button(page, 'See inside').click();
      const panel = page.getByRole('complementary', { name: 'See inside' });
      const options = await field(page, 'Layer').locator('option').allTextContents();
      const choice = pick(rng, options);
      await field(page, 'Layer').selectOption({ label: choice });
      const name = choice.replace(/ \(.*$/, '');
      await expect.poll(() => panel.getByRole('img').getAttribute('aria-label')).toMatch(new RegExp(`^${name} seen through`));
      await panel.getByRole('button', { name: 'Close', exact: true }).click();
      return `see inside ${name}`;
    },
  },
  resize: {
    weight: 1,
    run: async (page, rng) => {
      const [width, height] = pick(rng, VIEWPORTS);
      await page.setViewportSize({ width, height });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      // On a phone the data, network and settings are folded: a person opens them to reach their controls.
      const folded = page.getByRole('button', { name: /^(Data|Network|Settings)$/, expanded: false });
      while ((await folded.count()) > 0 && (await folded.first().isVisible())) await folded.first().click();
      return `resize ${width}×${height}`;
    },
  },
};

function chooseAction(rng: Rng): [string, (typeof actions)[string]] {
  const entries = Object.entries(actions);
  let ticket = rng.next() * entries.reduce((sum, [, action]) => sum + action.weight, 0);
  for (const entry of entries) {
    ticket -= entry[1].weight;
    if (ticket < 0) return entry;
  }
  return entries[0];
}

describe.each<BackendMode>(['cpu', 'webgpu'])('a random user on %s', (mode) => {
  it(`survives ${ACTIONS} random actions while training (seed ${SEED})`, { timeout: 60_000 + ACTIONS * 3000 }, async () => {
    const playground = await openPlayground(mode);
    const { browser, page, errors } = playground;
    const rng = createRng(SEED);
    const log: string[] = [];
    try {
      const expected: Expected = { rows: await exportedRows(page), hiddenLayers: await hiddenLayersShown(page), undo: [], redo: [], weights: null };
      await button(page, 'Play').click();
      for (let i = 0; i < ACTIONS; i++) {
        const [name, action] = chooseAction(rng);
        log.push(`${i}: ${await action.run(page, rng, expected).catch((error: unknown) => Promise.reject(new Error(`action ${i} (${name}) failed: ${String(error)}\n${log.slice(-15).join('\n')}`)))}`);
        expect(await hiddenLayersShown(page), `hidden layers after: ${log.slice(-5).join(' | ')}`).toBe(expected.hiddenLayers);
        expect(errors, `after: ${log.slice(-5).join(' | ')}`).toEqual([]);
        if (i % 10 === 9) {
          const rows = await exportedRows(page).catch((error: unknown) => Promise.reject(new Error(`Export data after action ${i}: ${String(error)}\n${log.slice(-15).join('\n')}`)));
          expect(rows, `data after: ${log.slice(-10).join(' | ')}`).toEqual(expected.rows);
        }
      }
      await expectHealthy(playground);
    } finally {
      await browser.close();
    }
  });
});
