import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { PLAYGROUND_LINES } from '../../src/core/layerView';
import { buildModelSpec } from '../../src/core/network';
import type { TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { WorkerChannel } from '../../src/train/workerChannel';
import { serveTrainers } from '../../src/train/workerHost';
import type { MessageEndpoint } from '../../src/train/workerProtocol';
import { WorkerTrainer } from '../../src/train/workerTrainer';

describe('the see-inside views through the CPU worker', () => {
  it('are the page’s CpuTrainer’s, by messages', async () => {
    const config = defaultConfig();
    const dataset = generateDataset({ ...config.data, preset: 'xor', points: 120 });
    const setup: TrainerSetup = { spec: buildModelSpec(config.model, dataset.task), dataset, training: config.training, init: 'xavier' };
    const { port1, port2 } = new MessageChannel();
    serveTrainers(port2 as unknown as MessageEndpoint);
    const remote = await WorkerTrainer.create(new WorkerChannel(port1 as unknown as MessageEndpoint), setup, { kind: 'cpu', adapter: 'test worker' });
    const local = new CpuTrainer(setup);
    const observe = { layerView: { slot: 1, lines: PLAYGROUND_LINES, points: true }, gradientFlow: true };
    const [a, b] = [await remote.step(15, observe), local.stepSync(15, observe)];
    expect(a.layerView).toEqual(b.layerView);
    expect(a.gradientFlow).toEqual(b.gradientFlow);
    expect(await remote.separability()).toEqual(await local.separability());
    port1.close();
    port2.close();
  });
});
