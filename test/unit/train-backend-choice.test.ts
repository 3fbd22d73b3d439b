import { describe, expect, it } from 'vitest';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { datasetOf } from '../../src/train/dataEdits';
import { openBackend, type BackendEnvironment } from '../../src/train/backend';
import type { BackendChoice } from '../../src/train/experiment';
import { parseWeights, serializeWeights } from '../../src/io/weights';
import type { BackendProvider } from '../../src/train/run';
import { spyBackend, startedRun, type SpyTrainer } from './train-runHarness';

/** A page whose WebGPU adapter is named `description`; `destroyed` counts the devices given back. */
function environmentWith(description: string) {
  const counts = { destroyed: 0 };
  const adapter = {
    limits: { maxStorageBufferBindingSize: 1 << 27, maxBufferSize: 1 << 28, maxComputeWorkgroupsPerDimension: 65535 },
    info: { vendor: 'google', description, device: '', architecture: '' },
    requestDevice: async () => ({ destroy: () => counts.destroyed++ }),
  };
  const environment: BackendEnvironment = {
    gpu: { requestAdapter: async () => adapter } as unknown as GPU,
    startWorker: () => ({ postMessage: () => {}, onmessage: null, onerror: null, terminate: () => {} }),
  };
  return { environment, counts };
}

describe('the backend choice', () => {
  it('Auto leaves a software WebGPU adapter for the CPU worker and says why', async () => {
    const { environment, counts } = environmentWith('SwiftShader Device (Subzero)');
    const backend = await openBackend(environment, 'auto');
    expect(backend.kind).toBe('cpu');
    expect(backend.label).toBe('CPU · Auto: the CPU worker is faster than this software WebGPU (google · SwiftShader Device (Subzero))');
    expect(counts.destroyed).toBe(1);
  });

  it('Auto takes a hardware adapter; WebGPU takes any adapter; CPU never opens one', async () => {
    expect((await openBackend(environmentWith('NVIDIA H200').environment, 'auto')).label).toBe('WebGPU · google · NVIDIA H200');
    expect((await openBackend(environmentWith('llvmpipe').environment, 'webgpu')).label).toBe('WebGPU · google · llvmpipe');
    const cpu = await openBackend(environmentWith('NVIDIA H200').environment, 'cpu');
    expect(cpu.label).toBe('CPU · chosen in Run on');
  });

  it('Run on moves the model to the chosen backend with its weights and epoch', async () => {
    const made: SpyTrainer[] = [];
    const chosen: BackendChoice[] = [];
    const provider: BackendProvider = {
      open: async (choice) => {
        chosen.push(choice);
        return choice === 'cpu' ? spyBackend('cpu', 'CPU · chosen in Run on', made) : spyBackend('webgpu', 'WebGPU · test adapter', made);
      },
      cpu: (reason) => spyBackend('cpu', `CPU · ${reason}`, made),
    };
    const { run, store } = await startedRun(undefined, provider, undefined, 'webgpu');
    run.stepEpoch();
    await run.idle();
    const weights = run.parameters!.slice();
    store.setState({ backend: 'cpu' });
    await run.idle();
    expect(chosen).toEqual(['webgpu', 'cpu']);
    expect(run.status.backend).toBe('CPU · chosen in Run on');
    expect(await made.at(-1)!.getParameters()).toEqual(weights);
    expect(run.epoch).toBe(1);
  });
});

describe('after Pause', () => {
  it('Updates/s reads 0, and the readouts and an exported model agree with the paused weights', async () => {
    const { run, clock, store } = await startedRun(undefined, undefined, { targetLatencyMs: 150, issueBudgetMs: 100 });
    run.play();
    await clock.frames(10);
    expect(run.stepsPerSecond()).toBeGreaterThan(0);
    run.pause();
    const file = await run.exportWeights();
    expect(run.stepsPerSecond()).toBe(0);
    await clock.frames(2);
    await run.idle();
    expect(run.stepsPerSecond()).toBe(0);
    // The exported model, evaluated by the CPU engine on the page's data, gives what the page shows.
    const imported = parseWeights(serializeWeights(file), 'paused.json');
    const state = store.getState();
    const evaluated = new CpuTrainer({ spec: imported.spec, dataset: datasetOf(state.config.data, state.custom), training: state.config.training, init: state.config.model.init, parameters: imported.parameters }).evaluateSync();
    expect(file.metrics).toMatchObject({ epoch: run.epoch });
    expect(run.metrics!.train.loss).toBeCloseTo(evaluated.train.loss, 6);
    expect(run.metrics!.test!.accuracy).toBeCloseTo(evaluated.test!.accuracy!, 6);
    expect((file.metrics as { trainLoss: number }).trainLoss).toBeCloseTo(evaluated.train.loss, 6);
  });
});
