import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config';
import { buildModelSpec } from '../../src/core/network';
import { createRng } from '../../src/core/rng';
import type { TrainerSetup } from '../../src/core/trainer';
import type { GpuDevice } from '../../src/gpu/device';
import { GpuTrainer } from '../../src/gpu/gpuTrainer';
import { CountingPass } from '../../src/gpu/passRecorder';
import { testGpu } from './setup';

/** A compute pass that records each call's argument count and, like Chromium once optimised, refuses an explicit undefined. */
function strictPass(calls: { method: string; count: number }[], target?: GPUComputePassEncoder): GPUComputePassEncoder {
  const record =
    (method: 'setPipeline' | 'setBindGroup' | 'dispatchWorkgroups') =>
    (...args: unknown[]): undefined => {
      calls.push({ method, count: args.length });
      if (args.includes(undefined)) throw new TypeError(`${method}: The provided value cannot be converted to a sequence`);
      if (target) (target[method] as (...forwarded: unknown[]) => void).apply(target, args);
    };
  return { setPipeline: record('setPipeline'), setBindGroup: record('setBindGroup'), dispatchWorkgroups: record('dispatchWorkgroups') } as unknown as GPUComputePassEncoder;
}

function tinySetup(): TrainerSetup {
  const rng = createRng(3);
  const n = 8;
  const points = Float64Array.from({ length: 2 * n }, () => rng.uniform(-6, 6));
  const labels = Float64Array.from({ length: n }, (_, i) => (points[2 * i] > 0 ? 1 : 0));
  const dataset = { task: { kind: 'classification' as const, classes: 2 }, points, labels, isTest: new Uint8Array(n) };
  const config = defaultConfig();
  return { spec: buildModelSpec({ ...config.model, hidden: [] }, dataset.task), dataset, training: { ...config.training, batchSize: 4 }, init: 'xavier' };
}

describe('CountingPass forwards exactly the arguments it is given', () => {
  it('setBindGroup and dispatchWorkgroups without their optional arguments get none', () => {
    const calls: { method: string; count: number }[] = [];
    const pass = new CountingPass(strictPass(calls));
    const group = {} as GPUBindGroup;
    pass.setBindGroup(0, group);
    pass.setBindGroup(1, group, [256]);
    pass.dispatchWorkgroups(4);
    pass.dispatchWorkgroups(4, 2);
    pass.dispatchWorkgroups(4, 2, 1);
    expect(calls.map(({ method, count }) => `${method}/${count}`)).toEqual([
      'setBindGroup/2',
      'setBindGroup/3',
      'dispatchWorkgroups/1',
      'dispatchWorkgroups/2',
      'dispatchWorkgroups/3',
    ]);
    expect(pass.dispatches).toBe(3);
  });

  describe('on Dawn', () => {
    let gpu: GpuDevice;
    beforeAll(async () => {
      gpu = await testGpu();
    });

    it('trains 12,288 steps (more than 40,000 setBindGroup calls, past where Chromium optimises the call site) through a pass that refuses an explicit undefined', async () => {
      // Layer by layer: the fused kernel would take each call's steps in one dispatch.
      const trainer = await GpuTrainer.create(gpu, tinySetup(), { steps: 'layered' });
      const device = gpu.device;
      const createEncoder = device.createCommandEncoder.bind(device);
      const calls: { method: string; count: number }[] = [];
      device.createCommandEncoder = (descriptor?: GPUCommandEncoderDescriptor) => {
        const encoder = createEncoder(descriptor);
        const begin = encoder.beginComputePass.bind(encoder);
        encoder.beginComputePass = (passDescriptor?: GPUComputePassDescriptor) => {
          const real = begin(passDescriptor);
          const strict = strictPass(calls, real);
          return Object.assign(strict, { end: () => real.end() });
        };
        return encoder;
      };
      try {
        let last = await trainer.step(0);
        for (let call = 0; call < 3; call++) last = await trainer.step(4096, { metrics: call === 2 });
        expect(last.step).toBe(12_288);
        expect(last.diverged).toBe(false);
        expect(last.metrics!.train.accuracy).toBeGreaterThan(0.5);
      } finally {
        device.createCommandEncoder = createEncoder;
        trainer.dispose();
      }
      expect(calls.filter((call) => call.method === 'setBindGroup').length).toBeGreaterThan(40_000);
    });
  });
});
