import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../src/core/trainer';
import { DeviceLostError } from '../../src/gpu/gpuTrainer';
import { DIVERGED_MESSAGE, type BackendProvider, type RunNews } from '../../src/train/run';
import { settle, spyBackend, startedRun, type SpyTrainer } from './train-runHarness';

describe('Run when training goes wrong', () => {
  it('pauses with a clear message when the loss diverges, and goes on after Play', async () => {
    let diverge = false;
    const made: SpyTrainer[] = [];
    const wrapDivergence = (trainer: SpyTrainer) => {
      const step = trainer.step.bind(trainer);
      trainer.step = async (k, observe): Promise<Observation> => ({ ...(await step(k, observe)), diverged: diverge });
      return trainer;
    };
    const provider: BackendProvider = { open: async () => spyBackend('cpu', 'CPU · test', made, wrapDivergence), cpu: () => spyBackend('cpu', 'CPU', made) };
    const { run, clock } = await startedRun(undefined, provider);
    run.play();
    await clock.frames(3);
    diverge = true;
    await clock.frames(3);
    expect(run.status.playing).toBe(false);
    expect(run.status.problem).toBe(DIVERGED_MESSAGE);
    expect(Number.isFinite(run.history.values.at(-1)!.trainLoss)).toBe(true);
    diverge = false;
    const epoch = run.epoch;
    run.play();
    expect(run.status.problem).toBeNull();
    await clock.frames(5);
    expect(run.epoch).toBeGreaterThan(epoch);
  });

  it('moves to a new backend with the last weights it read when the GPU device is lost', async () => {
    const made: SpyTrainer[] = [];
    let lose = false;
    const wrapLoss = (trainer: SpyTrainer) => {
      const step = trainer.step.bind(trainer);
      const read = trainer.getParameters.bind(trainer);
      const lost = () => Promise.reject(new DeviceLostError('the WebGPU device was lost (test)'));
      trainer.step = (k, observe) => (lose ? lost() : step(k, observe));
      trainer.getParameters = () => (lose ? lost() : read());
      return trainer;
    };
    const reasons: (string | undefined)[] = [];
    const provider: BackendProvider = {
      open: async (_choice, previousFailure) => {
        reasons.push(previousFailure);
        return previousFailure ? spyBackend('cpu', `CPU · ${previousFailure}`, made) : spyBackend('webgpu', 'WebGPU · test adapter', made, wrapLoss);
      },
      cpu: (reason) => spyBackend('cpu', `CPU · ${reason}`, made),
    };
    const { run, clock } = await startedRun(undefined, provider);
    expect(run.status.backend).toBe('WebGPU · test adapter');
    const news: RunNews[] = [];
    run.onNews((item) => news.push(item));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    run.play();
    await clock.frames(10);
    lose = true;
    await settle();
    const lastRead = run.parameters!.slice();
    await clock.frames(3);
    await run.idle();
    expect(reasons).toEqual([undefined, 'the WebGPU device was lost (test)']);
    expect(run.status.backend).toBe('CPU · the WebGPU device was lost (test)');
    expect(run.status.playing).toBe(true);
    expect(Float32Array.from(made[1].setup.parameters!)).toEqual(lastRead);
    const epoch = run.epoch;
    await clock.frames(5);
    expect(run.epoch).toBeGreaterThan(epoch);
    // Both calls in flight failed, and the parameter read too: the move is announced and logged once.
    expect(news.filter((item) => item.kind === 'failover')).toEqual([{ kind: 'failover', text: 'Training moved from WebGPU to the CPU: training on WebGPU failed: the WebGPU device was lost (test).' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('announces a move to the CPU when a WebGPU step call fails, once, and keeps training from the weights it had', async () => {
    const made: SpyTrainer[] = [];
    let fail = false;
    const wrapFailure = (trainer: SpyTrainer) => {
      const step = trainer.step.bind(trainer);
      trainer.step = (k, observe) => (fail ? Promise.reject(new TypeError('The provided value cannot be converted to a sequence')) : step(k, observe));
      return trainer;
    };
    const provider: BackendProvider = { open: async () => spyBackend('webgpu', 'WebGPU · test adapter', made, wrapFailure), cpu: (reason) => spyBackend('cpu', `CPU · ${reason}`, made) };
    const { run, clock } = await startedRun(undefined, provider);
    const news: RunNews[] = [];
    run.onNews((item) => news.push(item));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    run.play();
    await clock.frames(6);
    fail = true;
    await clock.frames(6);
    await run.idle();
    expect(run.status).toMatchObject({ playing: true, problem: null, backend: 'CPU · WebGPU failed: The provided value cannot be converted to a sequence' });
    expect(news).toEqual([{ kind: 'failover', text: 'Training moved from WebGPU to the CPU: training on WebGPU failed: The provided value cannot be converted to a sequence.' }]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    const epoch = run.epoch;
    await clock.frames(5);
    expect(run.epoch).toBeGreaterThan(epoch);
  });

  it('runs on the CPU worker, saying why, when a WebGPU trainer cannot be built', async () => {
    const made: SpyTrainer[] = [];
    const failing = spyBackend('webgpu', 'WebGPU · test adapter', made);
    failing.createTrainer = () => Promise.reject(new Error('buffer too large'));
    const provider: BackendProvider = { open: async () => failing, cpu: (reason) => spyBackend('cpu', `CPU · ${reason}`, made) };
    const { run } = await startedRun(undefined, provider);
    expect(run.status.backend).toBe('CPU · WebGPU failed: buffer too large');
    expect(made).toHaveLength(1);
    expect(run.grid).not.toBeNull();
  });
});
