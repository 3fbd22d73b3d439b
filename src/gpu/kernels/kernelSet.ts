import { ComputeKernel } from './computeKernel';
import { DenseKernels } from './denseKernels';
import { passGroupLayout } from './layout';

/** Every Descent kernel, compiled once per device. */
export interface KernelSet {
  passLayout: GPUBindGroupLayout;
  dense: DenseKernels;
  /** shaders/gather.wgsl: Gather uniform, arena, features, labels, indices. */
  gather: ComputeKernel<'main'>;
  /** shaders/loss.wgsl: Loss uniform, arena, results, status. */
  loss: ComputeKernel<'train_loss' | 'split_metrics' | 'to_outputs'>;
  /** shaders/optimizer.wgsl: Settings uniform, params, grads, state, status, backup. */
  optimizer: ComputeKernel<'update' | 'backup'>;
  /** shaders/grid_features.wgsl: GridFeatures uniform, arena. */
  gridFeatures: ComputeKernel<'main'>;
}

const kernelSets = new WeakMap<GPUDevice, Promise<KernelSet>>();

async function compileKernels(device: GPUDevice): Promise<KernelSet> {
  const passLayout = passGroupLayout(device);
  return {
    passLayout,
    dense: await DenseKernels.create(device, passLayout),
    gather: await ComputeKernel.create(device, passLayout, 'gather', ['uniform', 'storage', 'read-only-storage', 'read-only-storage', 'read-only-storage'], ['main'] as const),
    loss: await ComputeKernel.create(device, passLayout, 'loss', ['uniform', 'storage', 'storage', 'storage'], ['train_loss', 'split_metrics', 'to_outputs'] as const),
    optimizer: await ComputeKernel.create(
      device,
      passLayout,
      'optimizer',
      ['uniform', 'storage', 'read-only-storage', 'storage', 'read-only-storage', 'storage'],
      ['update', 'backup'] as const,
    ),
    gridFeatures: await ComputeKernel.create(device, passLayout, 'gridFeatures', ['uniform', 'storage'], ['main'] as const),
  };
}

/** The kernels of `device`, compiled on first use and shared by every trainer on it. */
export function kernelsFor(device: GPUDevice): Promise<KernelSet> {
  let set = kernelSets.get(device);
  if (!set) {
    set = compileKernels(device);
    kernelSets.set(device, set);
  }
  return set;
}
