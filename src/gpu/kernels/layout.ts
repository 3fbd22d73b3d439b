import { SHADER_SOURCES, type ShaderName } from '../shaderSources';
import { PASS_BYTES } from '../uniforms';

/** What one binding of a kernel's group(0) holds. */
export type BindingKind = 'uniform' | 'storage' | 'read-only-storage';

/** An explicit bind group layout for group(0), bindings numbered in order. */
export function groupLayout(device: GPUDevice, kinds: BindingKind[], label: string): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label,
    entries: kinds.map((type, binding) => ({ binding, visibility: GPUShaderStage.COMPUTE, buffer: { type } })),
  });
}

/** group(1): the per-pass uniform, bound with a dynamic offset so one bind group serves every step. */
export function passGroupLayout(device: GPUDevice): GPUBindGroupLayout {
  return device.createBindGroupLayout({
    label: 'pass',
    entries: [{ binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: PASS_BYTES } }],
  });
}

/** Compute pipelines for the given entry points of one shader module, sharing one layout. */
export async function createPipelines<E extends string>(
  device: GPUDevice,
  shader: ShaderName,
  entryPoints: readonly E[],
  layouts: GPUBindGroupLayout[],
): Promise<Record<E, GPUComputePipeline>> {
  const module = device.createShaderModule({ label: shader, code: SHADER_SOURCES[shader] });
  const layout = device.createPipelineLayout({ label: shader, bindGroupLayouts: layouts });
  const pipelines = await Promise.all(
    entryPoints.map((entryPoint) => device.createComputePipelineAsync({ label: `${shader}.${entryPoint}`, layout, compute: { module, entryPoint } })),
  );
  return Object.fromEntries(entryPoints.map((entry, i) => [entry, pipelines[i]])) as Record<E, GPUComputePipeline>;
}

/** Binds group(0) entries to whole buffers, in binding order. */
export function bindBuffers(device: GPUDevice, layout: GPUBindGroupLayout, buffers: GPUBuffer[], label: string): GPUBindGroup {
  return device.createBindGroup({ label, layout, entries: buffers.map((buffer, binding) => ({ binding, resource: { buffer } })) });
}

/** Workgroups for `count` threads of 256, folded into (x, y) so that x stays within the device limit. */
export function linearGroups(count: number, maxPerDimension = 65535): [number, number] {
  const groups = Math.max(1, Math.ceil(count / 256));
  if (groups <= maxPerDimension) return [groups, 1];
  const y = Math.ceil(groups / maxPerDimension);
  return [Math.ceil(groups / y), y];
}
