import { cpus } from 'node:os';
import type { Trainer, TrainerSetup } from '../core/trainer';
import { CpuTrainer } from '../cpu/cpuTrainer';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { TrainingFailedError } from './errors';
import { GuardedGpuTrainer, withGpuErrors } from './gpuGuard';
import { openNodeGpu } from './nodeWebgpu';

export const BACKENDS = ['auto', 'webgpu', 'cpu'] as const;
export type BackendChoice = (typeof BACKENDS)[number];

/** The CPU engine, described by the processor it runs on. */
export function cpuTrainer(setup: TrainerSetup, reason?: string): CpuTrainer {
  const trainer = new CpuTrainer(setup);
  trainer.backend = { kind: 'cpu', adapter: `JavaScript · ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`, reason };
  return trainer;
}

/**
 * A trainer on the chosen backend. `auto` runs on a hardware GPU, else on the CPU engine (a
 * software adapter such as SwiftShader is slower than it), recording why; a network the GPU cannot
 * hold moves to the CPU with a line on stderr. `webgpu` uses any adapter, SwiftShader included,
 * and fails with the reason when it cannot.
 */
export async function createTrainer(choice: BackendChoice, setup: TrainerSetup): Promise<Trainer> {
  if (choice === 'cpu') return cpuTrainer(setup);
  let gpu;
  try {
    gpu = await openNodeGpu(choice === 'auto' ? 'hardware' : 'any');
  } catch (error) {
    const message = (error as Error).message;
    if (choice === 'webgpu') throw new TrainingFailedError(`WebGPU is not available: ${message}`);
    return cpuTrainer(setup, `no hardware GPU: ${message} (--backend webgpu runs on SwiftShader, a GPU emulated on the CPU)`);
  }
  const { device, adapterName } = gpu;
  try {
    const trainer = await withGpuErrors(device, `WebGPU cannot run this network on ${adapterName}`, () => GpuTrainer.create(gpu, setup));
    return new GuardedGpuTrainer(trainer, device);
  } catch (error) {
    device.destroy();
    if (choice === 'webgpu') throw error;
    const reason = `${(error as Error).message}; it runs on the CPU engine instead`;
    process.stderr.write(`descent: ${reason}\n`);
    return cpuTrainer(setup, reason);
  }
}
