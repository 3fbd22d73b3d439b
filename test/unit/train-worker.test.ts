import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { buildModelSpec } from '../../src/core/network';
import { planeGrid } from '../../src/core/grid';
import { liveSettingsOf, type TrainerSetup } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { generateDataset } from '../../src/data/presets';
import { WorkerChannel } from '../../src/train/workerChannel';
import { serveTrainers } from '../../src/train/workerHost';
import type { MessageEndpoint } from '../../src/train/workerProtocol';
import { WorkerTrainer } from '../../src/train/workerTrainer';

function setup(): TrainerSetup {
  const config = defaultConfig();
  const dataset = generateDataset({ ...config.data, preset: 'xor', points: 120 });
  return { spec: buildModelSpec(config.model, dataset.task), dataset, training: config.training, init: 'xavier' };
}

/** Both ends of a message channel, as the page and the worker see them. */
function connectedChannel(): { channel: WorkerChannel; close(): void } {
  const { port1, port2 } = new MessageChannel();
  serveTrainers(port2 as unknown as MessageEndpoint);
  return { channel: new WorkerChannel(port1 as unknown as MessageEndpoint), close: () => (port1.close(), port2.close()) };
}

describe('WorkerTrainer', () => {
  it('trains exactly like a CpuTrainer on the page, by messages', async () => {
    const { channel, close } = connectedChannel();
    const remote = await WorkerTrainer.create(channel, setup(), { kind: 'cpu', adapter: 'test worker', reason: 'no adapter' });
    const local = new CpuTrainer(setup());
    expect(remote.stepsPerEpoch).toBe(local.stepsPerEpoch);
    expect(remote.backend.reason).toBe('no adapter');
    const observe = { metrics: true, grid: planeGrid(8), neurons: planeGrid(4) };
    const [a, b] = [await remote.step(25, observe), local.stepSync(25, observe)];
    expect(a.step).toBe(25);
    expect(a.grid).toEqual(b.grid);
    expect(a.neurons).toEqual(b.neurons);
    expect(a.metrics).toEqual(b.metrics);
    expect(await remote.getParameters()).toEqual(await local.getParameters());
    const state = await remote.getOptimizerState();
    expect(state).toEqual(await local.getOptimizerState());
    expect(state.values.length).toBeGreaterThan(0);
    // An optimizer state handed over (the slow-motion update's) reaches the worker's trainer.
    const handed = { step: 40, values: state.values.map((value) => 2 * value) };
    remote.setOptimizerState(handed);
    local.setOptimizerState(handed);
    expect(await remote.getOptimizerState()).toEqual(await local.getOptimizerState());
    expect((await remote.getOptimizerState()).step).toBe(40);
    const points = [0.5, -1, 3, 2];
    expect(await remote.predict(points)).toEqual(await local.predict(points));
    const settings = liveSettingsOf({ ...defaultConfig().training, optimizer: 'sgd', learningRate: 0.5, l2: 0.01, lrSchedule: 'step', lrStep: 2, lrGamma: 0.5 });
    remote.updateSettings(settings);
    local.updateSettings(settings);
    await remote.step(5);
    local.stepSync(5);
    expect(await remote.evaluate()).toEqual(await local.evaluate());
    close();
  });

  it('passes errors back and rejects every call once the worker fails', async () => {
    const { channel, close } = connectedChannel();
    const remote = await WorkerTrainer.create(channel, setup(), { kind: 'cpu', adapter: 'test worker' });
    expect(() => remote.setParameters([1, 2, 3])).toThrow(/expected \d+ parameters, got 3/);
    remote.dispose();
    await expect(remote.step(1)).rejects.toThrow(/does not exist/);
    channel.fail(new Error('the CPU worker failed: test'));
    await expect(remote.evaluate()).rejects.toThrow('the CPU worker failed: test');
    close();
  });
});
