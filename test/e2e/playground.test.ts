import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { buildModelSpec } from '../../src/core/network';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { parseDatasetCsv } from '../../src/data/csv';
import { generateDataset } from '../../src/data/presets';
import { exportWeights, parseWeights, serializeWeights } from '../../src/io/weights';
import { button, chooseFile, clickPlane, download, enter, expectHealthy, field, openPlayground, percentIn, waitForModel, type BackendMode, type Playground } from './browser';

/** A weights file that is valid JSON but not a model: its only layer has a weight row of the wrong length. */
const BROKEN_WEIGHTS = JSON.stringify({
  format: 'descent.weights',
  version: 1,
  task: 'classification',
  classes: 2,
  features: ['x1', 'x2'],
  layers: [{ kind: 'dense', in: 2, out: 1, activation: 'sigmoid', weight: [[0.5]], bias: [0] }],
});

/** A model of XOR with three hidden layers of 8 trained at learning rate 0.03, as a weights file (made here, so no test depends on another). */
async function xorWeightsFile(): Promise<string> {
  const config = defaultConfig();
  config.data.preset = 'xor';
  config.model.hidden = [8, 8, 8];
  config.training.learningRate = 0.03;
  const dataset = generateDataset(config.data);
  const spec = buildModelSpec(config.model, dataset.task);
  const trainer = new CpuTrainer({ spec, dataset, training: config.training, init: config.model.init });
  for (let epoch = 0; epoch < 300 && (trainer.evaluateSync().test?.accuracy ?? 0) < 0.97; epoch++) trainer.stepSync(trainer.stepsPerEpoch);
  const metrics = trainer.evaluateSync();
  expect(metrics.test!.accuracy).toBeGreaterThan(0.95);
  return serializeWeights(exportWeights(spec, await trainer.getParameters(), { config }));
}

describe.each<BackendMode>(['webgpu', 'cpu'])('the playground on %s', (mode) => {
  let playground: Playground;

  // Every test starts from a fresh page, so none depends on another's order or leftovers.
  beforeEach(async () => {
    playground = await openPlayground(mode);
  });

  afterEach(async () => {
    await playground?.browser.close();
  });

  it('names the backend it trains on', async () => {
    const backend = await field(playground.page, 'Backend').textContent();
    if (mode === 'webgpu') expect(backend).toMatch(/^WebGPU · .*swiftshader/i);
    else expect(backend).toBe('CPU · chosen in Run on');
    await expectHealthy(playground);
  });

  it('learns XOR with an added hidden layer past 95% test accuracy, and exports the model as a weights JSON v1 file', async () => {
    const { page } = playground;
    await field(page, 'Dataset').selectOption({ label: 'XOR' });
    await button(page, 'Add layer').click();
    await expect.poll(() => page.getByText('3 hidden layers').count()).toBe(1);
    await enter(page, 'Learning rate', '0.03');
    await waitForModel(page);
    await button(page, 'Play').click();
    await button(page, 'Pause').waitFor();
    await expect.poll(() => percentIn(page, 'Test accuracy'), { timeout: 150_000, interval: 500 }).toBeGreaterThan(95);
    await button(page, 'Pause').click();
    expect(Number((await field(page, 'Epoch').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
    const file = await download(page, button(page, 'Export weights'));
    expect(file.name).toBe('descent-weights.json');
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({ format: 'descent.weights', version: 1, task: 'classification', classes: 2, features: ['x1', 'x2'] });
    const weights = parseWeights(file.text, file.name);
    expect(weights.spec.layers.map((layer) => (layer.kind === 'dense' ? layer.out : 0))).toEqual([8, 8, 8, 1]);
    expect(weights.config?.data.preset).toBe('xor');
    expect(weights.config?.training.learningRate).toBe(0.03);
    expect(json.metrics.trainAccuracy).toBeGreaterThan(0.9);
    await expectHealthy(playground);
  });

  it('adds drawn points of two classes to the data, where they were drawn', async () => {
    const { page } = playground;
    await button(page, 'Draw points').click();
    await button(page, 'Class 0').click();
    await clickPlane(page, -3, 3);
    await button(page, 'Class 1').click();
    await clickPlane(page, 3.5, -3.5);
    await expect.poll(() => field(page, 'Dataset').inputValue()).toBe('custom');
    await expect.poll(() => field(page, 'Points').inputValue()).toBe('502');
    const csv = await download(page, button(page, 'Export data'));
    expect(csv.name).toBe('descent-data.csv');
    const data = parseDatasetCsv(csv.text, { source: csv.name });
    expect(data.labels).toHaveLength(502);
    const near = (x1: number, x2: number) => Array.from(data.labels).filter((_, i) => Math.hypot(data.points[2 * i] - x1, data.points[2 * i + 1] - x2) < 0.1);
    expect(near(-3, 3)).toEqual([0]);
    expect(near(3.5, -3.5)).toEqual([1]);
    await expectHealthy(playground);
  });

  it('refuses a broken weights file with a clear message and keeps the model', async () => {
    const { page } = playground;
    const before = await download(page, button(page, 'Export weights'));
    await chooseFile(page, button(page, 'Import weights'), 'broken.json', BROKEN_WEIGHTS);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/broken\.json: layers\[0\]\.weight\[0\] must be .*2/);
    const again = await download(page, button(page, 'Export weights'));
    expect(JSON.parse(again.text).layers).toEqual(JSON.parse(before.text).layers);
    await button(page, 'Dismiss').click();
    await expectHealthy(playground);
  });

  it('explains why a model does not fit the data, then takes it on data that fits', async () => {
    const { page } = playground;
    const xor = await xorWeightsFile();
    await field(page, 'Dataset').selectOption({ label: 'Spiral' });
    await field(page, 'Classes').selectOption({ label: '3' });
    await waitForModel(page);
    await chooseFile(page, button(page, 'Import weights'), 'xor.json', xor);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('xor.json: This model predicts 2 classes but the data has 3.');
    await button(page, 'Dismiss').click();
    await field(page, 'Dataset').selectOption({ label: 'XOR' });
    await enter(page, 'Learning rate', '0.3');
    await button(page, 'Remove layer').click();
    await chooseFile(page, button(page, 'Import weights'), 'xor.json', xor);
    await page.getByText('Loaded xor.json').waitFor();
    await expect.poll(() => field(page, 'Learning rate').inputValue()).toBe('0.03');
    await expect.poll(() => page.getByText('3 hidden layers').count()).toBe(1);
    await expect.poll(() => percentIn(page, 'Test accuracy'), { timeout: 60_000 }).toBeGreaterThan(90);
    await expectHealthy(playground);
  });

  it('steps one epoch with S, resets with R, and takes a weights file dropped on the page', async () => {
    const { page } = playground;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const epoch = () => field(page, 'Epoch').textContent();
    await expect.poll(epoch).toBe('0.00');
    await page.keyboard.press('s');
    await expect.poll(epoch).toBe('1.0');
    await page.keyboard.press('r');
    await expect.poll(epoch).toBe('0.00');
    const dropped = await page.evaluateHandle((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      return transfer;
    }, await xorWeightsFile());
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
    await page.getByText('Loaded dropped.json').waitFor();
    await expectHealthy(playground);
  });
});
