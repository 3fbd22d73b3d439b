import { existsSync } from 'node:fs';
import { create, globals } from 'webgpu';
import { openGpuDevice, type GpuDevice } from '../gpu/device';

/** Where Debian's chromium package puts SwiftShader's Vulkan driver (a CPU implementation of a GPU). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** The SwiftShader driver file, if this machine has one (overridable with DESCENT_SWIFTSHADER_ICD). */
export function findSwiftShader(): string | null {
  const candidates = [process.env.DESCENT_SWIFTSHADER_ICD, SWIFTSHADER_ICD].filter((path): path is string => !!path);
  return candidates.find((path) => existsSync(path)) ?? null;
}

let globalsInstalled = false;
/** Dawn frees its instance when the object from create() is collected, even with devices still open. */
const liveInstances: GPU[] = [];

/** The `GPU` entry point of Dawn for Node, with WebGPU's global constants installed once. */
function dawn(): GPU {
  if (!globalsInstalled) {
    Object.assign(globalThis, globals);
    globalsInstalled = true;
  }
  const gpu = create([]) as GPU;
  liveInstances.push(gpu);
  return gpu;
}

/**
 * A WebGPU device in Node through Dawn: a hardware adapter when there is one, otherwise
 * SwiftShader when it is installed. Rejects with the reason when neither is available.
 */
export async function openNodeGpu(): Promise<GpuDevice> {
  if (!process.env.VK_ICD_FILENAMES) {
    try {
      return await openGpuDevice(dawn());
    } catch {
      // No hardware adapter: try SwiftShader below.
    }
    const swiftShader = findSwiftShader();
    if (!swiftShader) {
      throw new Error(`no WebGPU adapter found, and SwiftShader is not installed (${SWIFTSHADER_ICD}; run scripts/system-deps.sh)`);
    }
    process.env.VK_ICD_FILENAMES = swiftShader;
  }
  return openGpuDevice(dawn());
}
