import { afterEach, describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { parseDatasetCsv } from '../../src/data/csv';
import { PRESET_NAMES } from '../../src/data/presets/registry';
import { parseWeights } from '../../src/io/weights';
import { formatAccuracy, formatEpoch, formatLoss } from '../../src/ui/format';
import { DATASET_NAMES } from '../../src/ui/names';
import { button, chooseFile, clickPlane, download, expectHealthy, field, openMoreSettings, openPlayground, type Playground } from './browser';

/** Editing the data as a person does, on the CPU worker; every test starts from a fresh page. */
describe('editing the data', () => {
  let playground: Playground;

  afterEach(async () => {
    await playground?.browser.close();
  });

  const points = () => field(playground.page, 'Points').inputValue();
  const epoch = async () => Number((await field(playground.page, 'Epoch').textContent())!.replace(/,/g, ''));
  const exported = async () => {
    const csv = await download(playground.page, button(playground.page, 'Export data'));
    return parseDatasetCsv(csv.text, { source: csv.name, task: 'regression' });
  };

  it('after Clear points, every preset can be chosen and keeps its own number of points', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    await button(page, 'Clear points').click();
    await expect.poll(points).toBe('0');
    for (const preset of PRESET_NAMES) {
      await field(page, 'Dataset').selectOption({ label: DATASET_NAMES[preset] });
      await expect.poll(points).toBe('500');
      await expect.poll(async () => (await exported()).labels.length).toBe(500);
    }
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('points=0');
    expect(await page.locator('[role="alert"]').textContent()).toBe('');
    await expectHealthy(playground);
  });

  it('drawing on regression data adds a point with the value set, keeping the data, the task and the training', async () => {
    playground = await openPlayground('cpu', '#dataset=reg-plane');
    const { page } = playground;
    await button(page, '+1 epoch').click();
    await expect.poll(epoch).toBe(1);
    await button(page, 'Draw points').click();
    expect(await button(page, 'Class 0').count()).toBe(0);
    await field(page, 'Value of drawn points').fill('0.8');
    await clickPlane(page, 2, 2);
    await expect.poll(points).toBe('501');
    const data = await exported();
    const drawn = Array.from(data.labels).filter((_, i) => Math.hypot(data.points[2 * i] - 2, data.points[2 * i + 1] - 2) < 0.1);
    expect(drawn).toContain(0.8);
    expect(await page.getByLabel('Regression colour scale').count()).toBe(1);
    expect(await page.getByText('Loss (MSE)').count()).toBe(1);
    expect(await epoch()).toBe(1);
    await expectHealthy(playground);
  });

  it('a drawn point shows where it was drawn: every drawn point trains, and Regenerate on custom data says what it does', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    await button(page, 'Clear points').click();
    await button(page, 'Draw points').click();
    for (let i = 0; i < 11; i++) await clickPlane(page, -5 + i, i % 2 === 0 ? 2 : -2);
    await expect.poll(points).toBe('11');
    const csv = await download(page, button(page, 'Export data'));
    expect(csv.text.trim().split('\n').slice(1).map((row) => row.split(',')[3])).toEqual(new Array(11).fill('train'));
    await button(page, 'Regenerate').click();
    await expect.poll(() => page.locator('.notices [role="status"]').textContent()).toContain('keeps the points and splits them anew into training and test data');
    await expectHealthy(playground);
  });

  it('Undo and Redo take back and make again every edit of the data, with the buttons and with Ctrl+Z', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    const counts = ['500'];
    const after = async (edit: () => Promise<void>, expected: string) => {
      await edit();
      await expect.poll(points).toBe(expected);
      counts.push(expected);
    };
    await button(page, 'Draw points').click();
    await after(() => clickPlane(page, 1, 1), '501');
    await after(() => clickPlane(page, -1, -1), '502');
    await button(page, 'Erase points').click();
    await clickPlane(page, 1, 1);
    await expect.poll(points).not.toBe('502');
    counts.push(await points());
    await after(() => button(page, 'Clear points').click(), '0');
    await after(() => chooseFile(page, button(page, 'Import data'), 'two.csv', 'x1,x2,label\n1,1,0\n2,2,1\n3,3,1\n'), '3');
    await after(async () => void (await field(page, 'Dataset').selectOption({ label: 'XOR' })), '500');
    await after(() => button(page, 'Regenerate').click(), '500');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = counts.length - 2; i >= 0; i--) {
      if (i % 2 === 0) await button(page, 'Undo').click();
      else await page.keyboard.press('Control+z');
      await expect.poll(points).toBe(counts[i]);
    }
    expect(await button(page, 'Undo').isDisabled()).toBe(true);
    for (let i = 1; i < counts.length; i++) {
      if (i % 2 === 0) await button(page, 'Redo').click();
      else await page.keyboard.press('Shift+Control+z');
      await expect.poll(points).toBe(counts[i]);
    }
    // In a text field, Ctrl+Z is the field's own.
    await field(page, 'Learning rate').focus();
    await page.keyboard.press('Control+z');
    expect(await points()).toBe('500');
    await expectHealthy(playground);
  });

  it('a CSV with whole-number labels 0 and 6 is two classes, and the message says how it was read', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    const rows = Array.from({ length: 40 }, (_, i) => `${(i % 10) - 5},${Math.floor(i / 10) - 2},${i % 2 === 0 ? 0 : 6}`);
    await chooseFile(page, button(page, 'Import data'), 'zero-six.csv', ['x1,x2,label', ...rows].join('\n'));
    await expect
      .poll(() => page.locator('.notices [role="status"]').textContent())
      .toContain('Loaded 40 points from zero-six.csv as 2-class classification, because the labels are whole numbers; renumbered 0 → class 0, 6 → class 1.');
    expect(await page.getByText('Loss (MSE)').count()).toBe(0);
    await expect.poll(() => field(page, 'Training accuracy').textContent()).toMatch(/%$/);
    await expectHealthy(playground);
  });

  it('after Pause, Updates/s reads 0 and the readouts equal what the exported model gives', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    await button(page, 'Play').click();
    await expect.poll(epoch).toBeGreaterThan(3);
    await button(page, 'Pause').click();
    // Paused reads 0 at once (the readouts refresh every 200 ms), not the last rate.
    await expect.poll(() => field(page, 'Updates/s').textContent(), { timeout: 1000 }).toBe('0');
    const file = await download(page, button(page, 'Export weights'));
    const data = await exported();
    const weights = parseWeights(file.text, file.name);
    const evaluated = new CpuTrainer({ spec: weights.spec, dataset: { ...data, task: weights.spec.task }, training: weights.config!.training, init: 'xavier', parameters: weights.parameters }).evaluateSync();
    await expect.poll(() => field(page, 'Training loss').textContent()).toBe(formatLoss(evaluated.train.loss));
    expect(await field(page, 'Test accuracy').textContent()).toBe(formatAccuracy(evaluated.test!.accuracy));
    expect(await field(page, 'Epoch').textContent()).toBe(formatEpoch(JSON.parse(file.text).metrics.epoch));
    await page.waitForTimeout(3000);
    expect(await field(page, 'Updates/s').textContent()).toBe('0');
    await expectHealthy(playground);
  });
});

/** The settings bar as a person uses it: every field from the table of settings, and its limits as links and files have them. */
describe('the settings', () => {
  let playground: Playground;

  afterEach(async () => {
    await playground?.browser.close();
  });

  it('the Points field takes 5 points, as a link does, and says what is wrong with 0, as the layer editor does with 2000 neurons', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    const points = field(page, 'Points');
    await points.fill('5');
    await points.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('points=5&');
    await points.fill('0');
    await points.press('Enter');
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    expect(await points.getAttribute('title')).toBe('Points must be a whole number from 1 to 100000; got 0');
    // The layer editor's field says it the same way.
    await field(page, 'Neurons in layer 1').fill('2000');
    await field(page, 'Neurons in layer 1').press('Enter');
    expect(await field(page, 'Neurons in layer 1').getAttribute('title')).toBe('Neurons in layer 1 must be a whole number from 1 to 1024; got 2000');
    await expectHealthy(playground);
  });

  it('a learning-rate schedule shows the fields it uses, and early stopping takes a patience', async () => {
    playground = await openPlayground('cpu');
    const { page } = playground;
    expect(await field(page, 'Learning-rate schedule').count()).toBe(0);
    await openMoreSettings(page);
    const schedule = field(page, 'Learning-rate schedule');
    expect(await schedule.inputValue()).toBe('constant');
    const shown = async () => {
      const labels = ['Schedule steps', 'Decay factor', 'Warm-up steps'];
      const counts = await Promise.all(labels.map((label) => field(page, label).count()));
      return labels.filter((_, i) => counts[i] > 0);
    };
    expect(await shown()).toEqual([]);
    for (const [name, fields] of [
      ['step', ['Schedule steps', 'Decay factor']],
      ['exponential', ['Decay factor']],
      ['cosine', ['Schedule steps']],
      ['warmup', ['Warm-up steps']],
    ] as const) {
      await schedule.selectOption(name);
      await expect.poll(shown, { message: name }).toEqual(fields);
    }
    await field(page, 'Warm-up steps').fill('250');
    await field(page, 'Warm-up steps').press('Enter');
    const stopping = field(page, 'Early stopping');
    expect(await stopping.inputValue()).toBe('0');
    await stopping.fill('20');
    await stopping.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/lrSchedule=warmup&.*warmupSteps=250&earlyStopping=20/);
    await stopping.fill('-1');
    await stopping.press('Enter');
    expect(await stopping.getAttribute('title')).toBe('Early stopping must be a whole number from 0 to 10000; got -1');
    await expectHealthy(playground);
  });
});
