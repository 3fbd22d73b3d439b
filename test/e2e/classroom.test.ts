import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/lessons/lessons';
import { lessonHash } from '../../src/ui/LessonsPanel';
import { deriveSeed } from '../../src/core/rng';
import type { Lesson } from '../../src/lessons/lessons';
import { hiddenWidths } from '../../src/ui/modelEdits';
import { DATASET_NAMES } from '../../src/ui/names';
import { button, clickPlane, download, expectHealthy, field, openPlayground, reopen, waitForModel, withBackend, type BackendMode, type Playground } from './browser';

/** The classroom features, on the CPU worker (its runs are deterministic, so two pages can be compared exactly). */
describe('lessons, shared links and presentation mode', () => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await openPlayground('cpu');
  });

  afterAll(async () => {
    await playground?.browser.close();
  });

  /** Steps `epochs` epochs with the Step button and returns the training loss the page then shows. */
  async function lossAfterEpochs(epochs: number): Promise<string> {
    const { page } = playground;
    for (let i = 1; i <= epochs; i++) {
      await button(page, '+1 epoch').click();
      await expect.poll(async () => Number(await field(page, 'Epoch').textContent()), { timeout: 30_000 }).toBe(i);
    }
    await expect.poll(() => field(page, 'Training loss').textContent()).toMatch(/\d/);
    return (await field(page, 'Training loss').textContent())!;
  }

  it('a lesson link in the Lessons panel switches the page to its experiment, and Back returns to the one before', async () => {
    const { page } = playground;
    const [first, second] = LESSONS;
    await reopen(page, 'cpu', lessonHash(first, first.setups[0]));
    await button(page, 'Lessons').click();
    await page.getByRole('link', { name: `${second.title}: ${second.setups[1].label}` }).click();
    await expect.poll(() => page.getByRole('note', { name: 'Lesson' }).textContent()).toContain(`Lesson 2: ${second.title}`);
    await expect.poll(() => field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.xor);
    await expect.poll(() => field(page, 'Activation').inputValue()).toBe('linear');
    await page.goBack();
    await expect.poll(() => page.getByRole('note', { name: 'Lesson' }).textContent()).toContain(`Lesson 1: ${first.title}`);
    await expect.poll(() => field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.gauss);
    expect(await page.locator('[role="alert"]').textContent()).toBe('');
  });

  it('How Descent computes, from the Lessons panel, opens docs/COMPUTES.md beside the plane; Escape closes it and gives focus back to Lessons', async () => {
    const { page } = playground;
    await reopen(page, 'cpu', '');
    const opener = button(page, 'Lessons');
    await opener.click();
    await button(page, 'How Descent computes').click();
    const panel = page.getByRole('complementary', { name: 'How Descent computes' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('How Descent computes');
    expect(await panel.getByRole('heading', { name: 'Regularisation', level: 3 }).isVisible()).toBe(true);
    expect(await panel.getByRole('cell', { name: 'penalty (λ/2) Σ w² over the weights only: λw is added to each weight\'s gradient' }).count()).toBe(1);
    expect(await panel.locator('code', { hasText: 'model.initScale' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Decision boundary', exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => opener.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('a shared link, drawn points included, reopened in a fresh page gives the same loss after the same steps', async () => {
    const { page } = playground;
    await reopen(page, 'cpu', lessonHash(LESSONS[1], LESSONS[1].setups[0]));
    await button(page, 'Draw points').click();
    await clickPlane(page, -4, -4);
    await clickPlane(page, 4.5, -3.5);
    const before = await download(page, button(page, 'Export data'));
    const loss = await lossAfterEpochs(3);
    await button(page, 'Share link').click();
    const share = page.getByRole('complementary', { name: 'Share' });
    await expect.poll(() => share.getByRole('status').textContent()).toMatch(/Copied|copy it/);
    const link = await share.getByLabel('Link').inputValue();
    expect(link).toContain('dataset=custom');
    expect(link).toContain('drawn=');

    await reopen(page, 'cpu', link.slice(link.indexOf('#')));
    expect((await download(page, button(page, 'Export data'))).text).toBe(before.text);
    expect(await lossAfterEpochs(3)).toBe(loss);
  });

  it('a tampered link still opens, with a notice naming what was ignored', async () => {
    const { page } = playground;
    await reopen(page, 'cpu', '#dataset=xor&lr=fast&hidden=4,x&colour=red');
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.textContent()).toContain('Learning rate must be a number from 0 to 10; got "fast"');
    const text = await notice.textContent();
    expect(text).toContain('Neurons in layer 2 must be a whole number');
    expect(text).toContain('"colour" is not a setting Descent knows');
    await expect.poll(() => field(page, 'Dataset').locator('option:checked').textContent()).toBe(DATASET_NAMES.xor);
    await expect.poll(() => field(page, 'Learning rate').inputValue()).toBe('0.01');
  });

  it('presentation mode shows large type and only the controls the link keeps', async () => {
    const { page } = playground;
    await reopen(page, 'cpu', '#dataset=spiral&present=1&show=transport,lr,activation');
    expect(await page.locator('.app.present').count()).toBe(1);
    expect(await field(page, 'Learning rate').isVisible()).toBe(true);
    expect(await field(page, 'Activation').isVisible()).toBe(true);
    expect(await field(page, 'Dataset').count()).toBe(0);
    expect(await page.locator('.data-panel').count()).toBe(0);
    expect(await field(page, 'Optimizer').count()).toBe(0);
    expect(await button(page, 'Add layer').count()).toBe(0);
    expect(await page.getByLabel('Neurons in layer 1').count()).toBe(0);
    expect(await button(page, 'Add a neuron to layer 1').count()).toBe(0);
    expect(await button(page, 'Play').isVisible()).toBe(true);
    expect(await button(page, 'Pin run').count()).toBe(0);
    expect(await button(page, 'Lessons').count()).toBe(0);
    expect(await button(page, 'Share link').isVisible()).toBe(true);
  });

  it('too large a learning rate stops with a message, not NaN', async () => {
    const { page } = playground;
    const lesson = LESSONS.find((candidate) => candidate.id === 'learning-rate')!;
    await reopen(page, 'cpu', lessonHash(lesson, lesson.setups.find((setup) => setup.label === 'Learning rate 3')!));
    await button(page, '+1 epoch').click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('Training diverged');
    expect(await field(page, 'Training loss').textContent()).not.toMatch(/NaN/);
  });

  it('Pin run keeps the curves as a faint reference under the next run', async () => {
    const { page } = playground;
    await reopen(page, 'cpu', lessonHash(LESSONS[0], LESSONS[0].setups[0]));
    await lossAfterEpochs(2);
    await button(page, 'Pin run').click();
    await button(page, 'Unpin').waitFor();
    await expect.poll(() => page.locator('.loss-chart path.pinned-train').getAttribute('d')).toMatch(/^M/);
    await button(page, 'Reset').click();
    await waitForModel(page);
    expect(await page.locator('.loss-chart .legend-pinned-train').getAttribute('display')).toBeNull();
    await button(page, 'Unpin').click();
    await button(page, 'Pin run').waitFor();
  });
});

/**
 * Every link of every lesson, on each backend, opened in one browser: the page shows the lesson's
 * banner, its dataset, its layout and the settings it is about, with the controls they bring
 * (Momentum for the momentum optimizer, Initial σ for the Normal initialisation), and no notice.
 * Nothing trains: the checks are what a class sees on opening the link. On the CPU each link is a
 * fresh page; on WebGPU one page follows them all, as a class clicking them in the Lessons panel does.
 */
describe.each(['cpu', 'webgpu'] as const)('every lesson link on %s', (mode: BackendMode) => {
  let playground: Playground;

  beforeAll(async () => {
    playground = await openPlayground(mode);
  });

  afterAll(async () => {
    await playground?.browser.close();
  });

  it.each(LESSONS.map((lesson, i) => [i + 1, lesson] as const))('lesson %i opens each of its links as it describes', { timeout: 240_000 }, async (number: number, lesson: Lesson) => {
    const { page } = playground;
    for (const setup of lesson.setups) {
      const { data, model, training } = setup.config;
      const what = `${lesson.id}: ${setup.label}`;
      const hash = lessonHash(lesson, setup);
      if (mode === 'cpu') await reopen(page, mode, hash);
      else await page.evaluate((to) => (location.hash = to), withBackend(hash, mode));
      await expect.poll(() => page.getByRole('note', { name: 'Lesson' }).textContent(), { message: what }).toContain(`Lesson ${number}: ${lesson.title}`);
      // Polled as a whole: after a same-page link the settings arrive a moment after the banner.
      const settings = async () => ({
        dataset: await field(page, 'Dataset').locator('option:checked').textContent(),
        layers: Number(/^(\d+) hidden layers? /.exec((await page.locator('.network-panel .summary').textContent()) ?? '')?.[1]),
        arch: await field(page, 'Architecture').inputValue(),
        activation: await field(page, 'Activation').inputValue(),
        init: await field(page, 'Initialisation').inputValue(),
        optimizer: await field(page, 'Optimizer').inputValue(),
        learningRate: Number(await field(page, 'Learning rate').inputValue()),
        batchSize: await field(page, 'Batch size').inputValue(),
      });
      await expect
        .poll(settings, { message: what })
        .toEqual({ dataset: DATASET_NAMES[data.preset], layers: hiddenWidths(model).length, arch: model.arch, activation: model.activation, init: model.init, optimizer: training.optimizer, learningRate: training.learningRate, batchSize: String(training.batchSize) });
      await waitForModel(page);
      expect(await field(page, 'Initial σ').count(), what).toBe(model.init === 'normal' ? 1 : 0);
      if (model.init === 'normal') expect(Number(await field(page, 'Initial σ').inputValue()), what).toBe(model.initScale);
      expect(await field(page, 'Momentum').count(), what).toBe(training.optimizer === 'momentum' ? 1 : 0);
      for (const name of ['Play', '+1 epoch', 'Reset', 'New weights', 'Lessons', 'Share link']) expect(await button(page, name).isVisible(), `${what}: ${name}`).toBe(true);
      expect(Number(await field(page, 'Epoch').textContent()), what).toBe(0);
      // An empty alert region is not shown, so it is found by its role attribute.
      expect(await page.locator('[role="alert"]').textContent(), what).toBe('');
    }
    await button(page, 'Lessons').click();
    await expect.poll(() => page.getByRole('complementary', { name: 'Lessons' }).locator('[aria-current="true"] h3').textContent()).toBe(lesson.title);
    await button(page, 'Lessons').click();
    await expectHealthy(playground);
  });

  it('New weights starts again from the next weight seed, and the link says which', async () => {
    const { page } = playground;
    const lesson = LESSONS.find((candidate) => candidate.id === 'init-scale')!;
    await reopen(page, mode, lessonHash(lesson, lesson.setups[0]));
    await button(page, '+1 epoch').click();
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent()), { timeout: 60_000 }).toBe(1);
    await button(page, 'New weights').click();
    const seed = deriveSeed(lesson.setups[0].config.training.seed, 0x1417);
    await expect.poll(() => new URL(page.url()).hash).toContain(`&seed=${seed}`);
    await expect.poll(async () => Number(await field(page, 'Epoch').textContent())).toBe(0);
    await expectHealthy(playground);
  });
});
