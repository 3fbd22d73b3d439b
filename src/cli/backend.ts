import { cpus } from 'node:os';
import type { Trainer, TrainerSetup } from '../core/trainer';
import { CpuTrainer } from '../cpu/cpuTrainer';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { TrainingFailedError } from './errors';
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
 * A trainer on the chosen backend. `auto` prefers WebGPU (a hardware adapter, else SwiftShader)
 * and falls back to the CPU, recording why; `webgpu` fails when no adapter can be opened.
 */
export async function createTrainer(choice: BackendChoice, setup: TrainerSetup): Promise<Trainer> {
  if (choice === 'cpu') return cpuTrainer(setup);
  try {
    return await GpuTrainer.create(await openNodeGpu(), setup);
  } catch (error) {
    const reason = `WebGPU is not available: ${(error as Error).message}`;
    if (choice === 'webgpu') throw new TrainingFailedError(reason);
    return cpuTrainer(setup, reason);
  }
}
