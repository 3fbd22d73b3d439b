import { afterEach, describe, expect, it } from 'vitest';
import { button, download, expectHealthy, field, openPlayground, type BackendMode, type Playground } from './browser';

/** The training timeline: scrub back to an early snapshot of the weights, then branch from it. */
// Few points and a slow pace, so that a few seconds of training span a few dozen epochs.
const HASH = 'points=100&speed=30';

const epochIn = async (playground: Playground) => Number(((await field(playground.page, 'Epoch').textContent()) ?? '').replace(/,/g, ''));
const trainingLoss = async (playground: Playground) => Number(await field(playground.page, 'Training loss').textContent());

describe('training timeline', () => {
  let playground: Playground | null = null;

  afterEach(async () => {
    await playground?.browser.close();
    playground = null;
  });

  it.each<BackendMode>(['cpu', 'webgpu'])('scrubs back to an early snapshot and continues from it on %s', async (mode) => {
    playground = await openPlayground(mode, HASH);
    const { page } = playground;
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    const where = page.locator('.timeline-where');

    await button(page, 'Play').click();
    await expect.poll(() => epochIn(playground!), { timeout: 60_000 }).toBeGreaterThan(12);
    await button(page, 'Pause').click();
    await button(page, 'Play').waitFor();
    await expect.poll(() => where.textContent()).toBe('Live');
    // The live model, once the pause has refreshed it.
    await page.waitForTimeout(500);
    const live = { epoch: await epochIn(playground), loss: await trainingLoss(playground) };
    const snapshots = Number(await timeline.getAttribute('max'));
    expect(snapshots).toBeGreaterThan(4);
    expect(await button(page, 'Continue from here').isDisabled()).toBe(true);

    // Scrub back to the second snapshot: the readouts show its epoch and its (higher) training loss.
    await timeline.fill('1');
    await expect.poll(() => where.textContent()).toMatch(/^Epoch /);
    const snapshotEpoch = Number((await where.textContent())!.replace(/^Epoch /, '').replace(/,/g, ''));
    expect(snapshotEpoch).toBeGreaterThan(0);
    expect(snapshotEpoch).toBeLessThan(live.epoch / 2);
    await expect.poll(() => epochIn(playground!)).toBe(snapshotEpoch);
    await expect.poll(() => trainingLoss(playground!)).toBeGreaterThan(live.loss);
    expect(await button(page, 'Play').isVisible()).toBe(true);
    // The loss chart marks the snapshot's epoch.
    const marker = page.locator('.loss-chart .timeline-marker');
    await expect.poll(() => marker.getAttribute('display')).toBeNull();
    // Export weights saves the snapshot shown, at its epoch.
    const exported = JSON.parse((await download(page, button(page, 'Export weights'))).text) as { metrics: { epoch: number; trainLoss: number } };
    expect(exported.metrics.epoch).toBe(snapshotEpoch);
    expect(exported.metrics.trainLoss).toBeCloseTo(await trainingLoss(playground), 3);

    // Back to the right end: the live model again.
    await timeline.fill(String(snapshots));
    await expect.poll(() => where.textContent()).toBe('Live');
    await expect.poll(() => epochIn(playground!)).toBe(live.epoch);
    await expect.poll(() => trainingLoss(playground!)).toBe(live.loss);
    await expect.poll(() => marker.getAttribute('display')).toBe('none');

    // Branch from the early snapshot: training resumes from there, and the old branch stays pinned.
    await timeline.fill('1');
    await expect.poll(() => epochIn(playground!)).toBe(snapshotEpoch);
    await button(page, 'Continue from here').click();
    await button(page, 'Pause').waitFor();
    await button(page, 'Unpin').waitFor();
    await expect.poll(() => where.textContent()).toBe('Live');
    await expect.poll(() => epochIn(playground!)).toBeGreaterThan(snapshotEpoch);
    expect(await epochIn(playground)).toBeLessThan(live.epoch);
    await button(page, 'Pause').click();
    await expectHealthy(playground);
  });
});
