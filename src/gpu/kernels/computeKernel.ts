import type { PassRecorder } from '../passRecorder';
import type { ShaderName } from '../shaderSources';
import { bindBuffers, createPipelines, groupLayout, type BindingKind } from './layout';

/**
 * A kernel whose group(0) is a fixed list of buffers and whose group(1) is the pass uniform:
 * gather, loss, optimizer and grid features.
 */
export class ComputeKernel<E extends string> {
  private constructor(
    private readonly device: GPUDevice,
    private readonly shader: ShaderName,
    private readonly layout: GPUBindGroupLayout,
    private readonly pipelines: Record<E, GPUComputePipeline>,
  ) {}

  static async create<E extends string>(
    device: GPUDevice,
    passLayout: GPUBindGroupLayout,
    shader: ShaderName,
    bindings: BindingKind[],
    entryPoints: readonly E[],
  ): Promise<ComputeKernel<E>> {
    const layout = groupLayout(device, bindings, shader);
    const pipelines = await createPipelines(device, shader, entryPoints, [layout, passLayout]);
    return new ComputeKernel(device, shader, layout, pipelines);
  }

  /** group(0) with these buffers in binding order. */
  bind(buffers: GPUBuffer[]): GPUBindGroup {
    return bindBuffers(this.device, this.layout, buffers, this.shader);
  }

  /** Records one dispatch of `entry`; group(1) must already be set to this pass. */
  encode(pass: PassRecorder, entry: E, group: GPUBindGroup, x: number, y = 1): void {
    pass.setPipeline(this.pipelines[entry]);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(x, y);
  }
}
