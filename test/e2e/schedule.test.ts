import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { earlyStopNotice, EpochEarlyStopping } from '../../src/core/earlyStopping';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { datasetOf } from '../../src/train/dataEdits';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { button, field, withPlayground, type BackendMode } from './browser';

/** Schedules, early stopping and the loss chart's values, as a class meets them through links. */

/** XOR with much noise and few points: the test loss stops improving after a few dozen epochs. */
const OVERFITTING = 'dataset=xor&noise=0.5&points=100&hidden=16,16&lr=0.03&earlyStopping=10';

/** The notice early stopping gives for OVERFITTING: the experiment trained epoch by epoch here, on the CPU engine. */
function expectedNotice(): string {
  const config = defaultConfig();
  Object.assign(config.data, { preset: 'xor', noise: 0.5, points: 100 });
  Object.assign(config.model, { hidden: [16, 16] });
  Object.assign(config.training, { learningRate: 0.03, earlyStopping: 10 });
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, datasetOf(config.data, null), null));
  const stopping = new EpochEarlyStopping(trainer.stepsPerEpoch);
  for (let epoch = 1; epoch <= 1000; epoch++) {
    const observation = trainer.stepSync(trainer.stepsPerEpoch, { metrics: true });
    const stop = stopping.observe(observation.step, observation.epoch, observation.metrics!.test!.loss, { patience: 10, target: null });
    if (stop) return earlyStopNotice(stop);
  }
  throw new Error('the experiment never stops');
}

/** The epoch the readout shows. */
async function epochOf(page: Page): Promise<number> {
  return Number((await field(page, 'Epoch').textContent())?.replace(/,/g, ''));
}

/** The learning-rate strip's filled area, and whether it is drawn. */
async function rateStrip(page: Page): Promise<{ shown: boolean; path: string }> {
  return page.evaluate(() => {
    const strip = document.querySelector('[aria-label="Loss chart"] .lr-strip');
    return { shown: strip !== null && strip.getAttribute('display') !== 'none', path: strip?.querySelector('.lr-area')?.getAttribute('d') ?? '' };
  });
}

/** The y (px) of the strip's top edge, left to right: the area runs along it, then back along its base. */
async function stripTopEdge(page: Page): Promise<number[]> {
  const pairs = [...(await rateStrip(page)).path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
  const back = pairs.findIndex(([x], i) => i > 0 && x < pairs[i - 1][0]);
  return pairs.slice(0, back < 0 ? pairs.length : back).map(([, y]) => y);
}

describe.each<BackendMode>(['webgpu', 'cpu'])('schedules and early stopping on %s', (mode) => {
  it('a link with a step schedule draws the learning rate under the loss chart, falling at each decay', async () => {
    await withPlayground(mode, 'lrSchedule=step&lrStep=40&lrGamma=0.5', async (page) => {
      await button(page, 'Play').click();
      await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(12);
      await button(page, 'Pause').click();
      await expect.poll(async () => (await rateStrip(page)).shown).toBe(true);
      await expect.poll(async () => (await rateStrip(page)).path.length, { timeout: 10_000 }).toBeGreaterThan(20);
      // The top edge steps down: the latest rate (0.01 halved every 40 steps) sits lower (larger y) than the first.
      const edge = await stripTopEdge(page);
      expect(new Set(edge).size).toBeGreaterThanOrEqual(2);
      expect(edge.at(-1)!).toBeGreaterThan(edge[0]);
    });
  });

  it('a link with earlyStopping=10 on noisy XOR stops by itself and says at which epoch and why', async () => {
    const notice = expectedNotice();
    await withPlayground(mode, OVERFITTING, async (page) => {
      expect(await rateStrip(page)).toMatchObject({ shown: false });
      await button(page, 'Play').click();
      await expect.poll(() => page.locator('.notices [role="status"]').textContent(), { timeout: 120_000 }).toContain(notice);
      expect(await button(page, 'Play').isVisible()).toBe(true);
      const epoch = /epoch (\d+)/.exec(notice)![1];
      await expect.poll(() => field(page, 'Epoch').textContent()).toBe(Number(epoch).toLocaleString('en-US'));
      // It stays there: nothing trains after the stop.
      await page.waitForTimeout(500);
      expect(await field(page, 'Epoch').textContent()).toBe(Number(epoch).toLocaleString('en-US'));
    });
  });
});

describe('the loss chart under the pointer and the keyboard', () => {
  it('hovering shows the epoch and both losses there; Home, Right, End and Escape walk the points from the keyboard', async () => {
    await withPlayground('cpu', 'lrSchedule=exponential&lrGamma=0.999', async (page) => {
      await button(page, 'Play').click();
      await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(5);
      await button(page, 'Pause').click();
      const chart = page.getByRole('img', { name: 'Loss chart' });
      const box = (await chart.boundingBox())!;
      const tooltip = page.locator('#loss-chart-values');
      await chart.hover({ position: { x: box.width * 0.6, y: box.height / 2 } });
      await expect.poll(() => tooltip.textContent()).toMatch(/^Epoch [\d.]+ · training loss [\d.e-]+ · test loss [\d.e-]+ · learning rate [\d.e-]+$/);
      expect(await tooltip.isVisible()).toBe(true);
      const atPointer = await tooltip.textContent();
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height + 40);
      await expect.poll(() => tooltip.isVisible()).toBe(false);
      // From the keyboard: focus shows the latest point, Home the first, Right the next, End the latest again, Escape hides the values.
      await chart.focus();
      await expect.poll(() => tooltip.textContent()).toMatch(/^Epoch /);
      const latest = await tooltip.textContent();
      await chart.press('Home');
      await expect.poll(() => tooltip.textContent()).toMatch(/^Epoch 0(\.\d+)? · /);
      const firstPoint = await tooltip.textContent();
      await chart.press('ArrowRight');
      await expect.poll(() => tooltip.textContent()).not.toBe(firstPoint);
      await chart.press('End');
      await expect.poll(() => tooltip.textContent()).toBe(latest);
      await chart.press('Escape');
      await expect.poll(() => tooltip.isVisible()).toBe(false);
      expect(atPointer).not.toBe('');
    });
  });

  it('before the first epoch the epoch axis reads 0 … 1, and a long fast run keeps its first epochs readable on the log axis', async () => {
    await withPlayground('cpu', '', async (page) => {
      const ticks = () => page.evaluate(() => [...document.querySelectorAll('[aria-label="Loss chart"] .x-axis .tick text')].map((tick) => tick.textContent));
      const first = await ticks();
      expect(first[0]).toBe('0');
      expect(first.at(-1)).toBe('1');
      expect(first.join(' ')).not.toMatch(/0\.00|0\.001/);
      expect(await field(page, 'Log epochs').isChecked()).toBe(true);
      await button(page, 'Play').click();
      await expect.poll(() => epochOf(page), { timeout: 60_000 }).toBeGreaterThan(150);
      await button(page, 'Pause').click();
      await expect.poll(ticks).toContain('100');
      expect(await ticks()).toContain('10');
      // Linear epochs on request.
      await field(page, 'Log epochs').uncheck();
      await expect.poll(ticks).not.toContain('10');
    });
  });
});
