/** The part of a compute pass encoder the kernels use; a counting wrapper stands in for it. */
export type PassRecorder = Pick<GPUComputePassEncoder, 'setPipeline' | 'setBindGroup' | 'dispatchWorkgroups'>;

/**
 * Forwards to a compute pass and counts the dispatches recorded into it. Arguments are forwarded
 * exactly as given: Chromium's optimised bindings throw on an explicit `undefined` for an
 * optional argument ("cannot be converted to a sequence"), while leaving it out is fine.
 */
export class CountingPass implements PassRecorder {
  dispatches = 0;

  constructor(private readonly pass: GPUComputePassEncoder) {}

  setPipeline(pipeline: GPUComputePipeline): undefined {
    this.pass.setPipeline(pipeline);
  }

  setBindGroup(index: number, group: GPUBindGroup | null, offsets?: Iterable<GPUBufferDynamicOffset>): undefined;
  setBindGroup(index: number, group: GPUBindGroup | null, data: Uint32Array, start: number, length: number): undefined;
  setBindGroup(...args: unknown[]): undefined {
    (this.pass.setBindGroup as (...forwarded: unknown[]) => void)(...args);
  }

  dispatchWorkgroups(...args: [x: number, y?: number, z?: number]): undefined {
    this.dispatches++;
    this.pass.dispatchWorkgroups(...args);
  }
}
