import { ComputeKernel } from './computeKernel';
import { DenseKernels, type DenseTiling } from './denseKernels';
import { passGroupLayout } from './layout';
import { compiledOnce } from '../compiledOnce';

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
  /** shaders/layer_stats.wgsl: Settings uniform, params, grads, state, layers, results. */
  layerStats: ComputeKernel<'main'>;
  /** shaders/linear_probe.wgsl: Probe uniform, inputs, labels, scratch, results. */
  linearProbe: ComputeKernel<'fit'>;
}

async function compileKernels(device: GPUDevice, tiling: DenseTiling): Promise<KernelSet> {
  const passLayout = passGroupLayout(device);
  return {
    passLayout,
    dense: await DenseKernels.create(device, passLayout, tiling),
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
    layerStats: await ComputeKernel.create(
      device,
      passLayout,
      'layerStats',
      ['uniform', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'read-only-storage', 'storage'],
      ['main'] as const,
    ),
    linearProbe: await ComputeKernel.create(device, passLayout, 'linearProbe', ['uniform', 'read-only-storage', 'read-only-storage', 'storage', 'storage'], ['fit'] as const),
  };
}

/** The kernels of `device` with this tiling, compiled on first use and shared by every trainer on it. */
export const kernelsFor: (device: GPUDevice, tiling: DenseTiling) => Promise<KernelSet> = compiledOnce(compileKernels);
