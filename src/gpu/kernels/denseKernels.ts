import type { PassRecorder } from '../passRecorder';
import { bindBuffers, createPipelines, groupLayout } from './layout';

/** Which of the three dense kernels (they share matmul_tiles.wgsl). */
export type DenseKernel = 'forward' | 'weightGrad' | 'inputGrad';

/**
 * How a dense kernel tiles its matrix product: `shared` stages tiles in workgroup memory
 * (GPUs); `direct` reads each thread's operands straight from storage (adapters that emulate
 * a GPU on the CPU, where staging only adds copies and barriers).
 */
export const DENSE_TILINGS = ['shared', 'direct'] as const;
export type DenseTiling = (typeof DENSE_TILINGS)[number];

const ENTRY_POINTS = { shared: ['main_large', 'main_small'], direct: ['main_direct'] } as const;
type EntryPoint = (typeof ENTRY_POINTS)[DenseTiling][number];
const LARGE_TILE = 64;
const SMALL_TILE = 16;

/** The tiling that suits an adapter. */
export function tilingFor(gpu: { software: boolean }): DenseTiling {
  return gpu.software ? 'direct' : 'shared';
}

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
    private readonly pipelines: Record<DenseKernel, Partial<Record<EntryPoint, GPUComputePipeline>>>,
    readonly tiling: DenseTiling,
  ) {}

  static async create(device: GPUDevice, passLayout: GPUBindGroupLayout, tiling: DenseTiling): Promise<DenseKernels> {
    const readLayout = groupLayout(device, ['uniform', 'storage', 'read-only-storage'], 'dense (params)');
    const writeLayout = groupLayout(device, ['uniform', 'storage', 'storage'], 'dense (grads)');
    const layouts = { forward: readLayout, weightGrad: writeLayout, inputGrad: readLayout };
    const entryPoints = ENTRY_POINTS[tiling];
    const pipelines = {
      forward: await createPipelines(device, 'denseForward', entryPoints, [readLayout, passLayout]),
      weightGrad: await createPipelines(device, 'denseWeightGrad', entryPoints, [writeLayout, passLayout]),
      inputGrad: await createPipelines(device, 'denseInputGrad', entryPoints, [readLayout, passLayout]),
    };
    return new DenseKernels(device, layouts, pipelines, tiling);
  }

  /** group(0) for one layer: its Dense uniform, the arena, and params or grads. */
  bind(kernel: DenseKernel, dense: GPUBuffer, arena: GPUBuffer, parameters: GPUBuffer): GPUBindGroup {
    return bindBuffers(this.device, this.layouts[kernel], [dense, arena, parameters], `dense ${kernel}`);
  }

  /** Records C (m × n) of `kernel`; group(1) must already be set to this pass. */
  encode(pass: PassRecorder, kernel: DenseKernel, group: GPUBindGroup, m: number, n: number): void {
    const entryPoint: EntryPoint = this.tiling === 'direct' ? 'main_direct' : useLargeTile(m, n) ? 'main_large' : 'main_small';
    const tile = entryPoint === 'main_small' ? SMALL_TILE : LARGE_TILE;
    pass.setPipeline(this.pipelines[kernel][entryPoint]!);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(Math.ceil(n / tile), Math.ceil(m / tile));
  }
}
