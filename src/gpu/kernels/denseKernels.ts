import type { PassRecorder } from '../passRecorder';
import { bindBuffers, createPipelines, groupLayout } from './layout';

/** Which of the three dense kernels (they share matmul_tiles.wgsl). */
export type DenseKernel = 'forward' | 'weightGrad' | 'inputGrad';

const ENTRY_POINTS = ['main_large', 'main_small'] as const;
const LARGE_TILE = 64;
const SMALL_TILE = 16;

/** The 64 × 64 tile pays once both sides of C are big enough to fill it. */
export function useLargeTile(m: number, n: number): boolean {
  return m >= 48 && n >= 48;
}

/**
 * The dense forward, weight-gradient and input-gradient kernels (shaders/dense_*.wgsl).
 * group(0): Dense uniform, arena, and params (read) or grads (read_write) for weightGrad.
 */
export class DenseKernels {
  private constructor(
    private readonly device: GPUDevice,
    private readonly layouts: Record<DenseKernel, GPUBindGroupLayout>,
    private readonly pipelines: Record<DenseKernel, Record<(typeof ENTRY_POINTS)[number], GPUComputePipeline>>,
  ) {}

  static async create(device: GPUDevice, passLayout: GPUBindGroupLayout): Promise<DenseKernels> {
    const readLayout = groupLayout(device, ['uniform', 'storage', 'read-only-storage'], 'dense (params)');
    const writeLayout = groupLayout(device, ['uniform', 'storage', 'storage'], 'dense (grads)');
    const layouts = { forward: readLayout, weightGrad: writeLayout, inputGrad: readLayout };
    return new DenseKernels(device, layouts, {
      forward: await createPipelines(device, 'denseForward', ENTRY_POINTS, [readLayout, passLayout]),
      weightGrad: await createPipelines(device, 'denseWeightGrad', ENTRY_POINTS, [writeLayout, passLayout]),
      inputGrad: await createPipelines(device, 'denseInputGrad', ENTRY_POINTS, [readLayout, passLayout]),
    });
  }

  /** group(0) for one layer: its Dense uniform, the arena, and params or grads. */
  bind(kernel: DenseKernel, dense: GPUBuffer, arena: GPUBuffer, parameters: GPUBuffer): GPUBindGroup {
    return bindBuffers(this.device, this.layouts[kernel], [dense, arena, parameters], `dense ${kernel}`);
  }

  /** Records C (m × n) of `kernel`; group(1) must already be set to this pass. */
  encode(pass: PassRecorder, kernel: DenseKernel, group: GPUBindGroup, m: number, n: number): void {
    const large = useLargeTile(m, n);
    const tile = large ? LARGE_TILE : SMALL_TILE;
    pass.setPipeline(this.pipelines[kernel][large ? 'main_large' : 'main_small']);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(Math.ceil(n / tile), Math.ceil(m / tile));
  }
}
