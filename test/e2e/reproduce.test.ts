import { expect, it } from 'vitest';
import { button, expectHealthy, field, openPlayground, type BackendMode } from './browser';

/** A shared link trains the same on both backends: the same loss after the same epochs, to float32 rounding. */

const LINK = 'dataset=spiral&hidden=8,8&lr=0.03&batch=16&dropout=0.1&seed=7';
const EPOCHS = 20;

async function lossAfterSteps(mode: BackendMode): Promise<number> {
  const playground = await openPlayground(mode, LINK);
  const { page } = playground;
  try {
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      await button(page, '+1 epoch').click();
      await expect.poll(() => field(page, 'Epoch').textContent(), { timeout: 60_000 }).toBe(epoch < 10 ? `${epoch}.0` : String(epoch));
    }
    await expectHealthy(playground);
    return Number(await field(page, 'Training loss').textContent());
  } finally {
    await playground.browser.close();
  }
}

it(`gives the same training loss on the CPU and on WebGPU after ${EPOCHS} epochs of minibatches with dropout`, { timeout: 300_000 }, async () => {
  const cpu = await lossAfterSteps('cpu');
  const webgpu = await lossAfterSteps('webgpu');
  expect(Math.abs(cpu - webgpu) / cpu, `CPU ${cpu}, WebGPU ${webgpu}`).toBeLessThan(0.01);
});
