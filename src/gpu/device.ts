/** Finding a WebGPU adapter and opening a device with the limits Descent's buffers need. */

export interface GpuDevice {
  device: GPUDevice;
  /** A human-readable adapter name, e.g. "nvidia · NVIDIA H100" or "google · SwiftShader". */
  adapterName: string;
  /** True for software adapters (SwiftShader, llvmpipe, WARP): correct, but no measure of GPU speed. */
  software: boolean;
}

/** A readable name for an adapter from whatever its info carries. */
export function describeAdapter(info: GPUAdapterInfo): string {
  const parts = [info.vendor, info.description || info.device || info.architecture].filter((part) => part && part.length > 0);
  return parts.length > 0 ? parts.join(' · ') : 'unknown adapter';
}

const SOFTWARE_ADAPTERS = /swiftshader|llvmpipe|lavapipe|warp|software/i;

/** The limits worth raising above the defaults, up to what the adapter offers. */
const RAISED_LIMITS = ['maxStorageBufferBindingSize', 'maxBufferSize', 'maxComputeWorkgroupsPerDimension'] as const;

/**
 * Opens a device on the best adapter `gpu` offers; rejects with a readable reason when
 * there is none (the caller falls back to the CPU engine and tells the user why).
 */
export async function openGpuDevice(gpu: GPU, powerPreference: GPUPowerPreference = 'high-performance'): Promise<GpuDevice> {
  const adapter = await gpu.requestAdapter({ powerPreference });
  if (!adapter) throw new Error('no WebGPU adapter is available');
  const requiredLimits: Record<string, number> = {};
  for (const name of RAISED_LIMITS) requiredLimits[name] = adapter.limits[name];
  const device = await adapter.requestDevice({ requiredLimits });
  const adapterName = describeAdapter(adapter.info);
  // Chromium marks SwiftShader as a fallback adapter; the name catches drivers that do not say so.
  // Older browsers and Dawn builds may lack the field: then it reads as undefined, not true.
  const fallback = adapter.info.isFallbackAdapter === true;
  return { device, adapterName, software: fallback || SOFTWARE_ADAPTERS.test(adapterName) };
}
