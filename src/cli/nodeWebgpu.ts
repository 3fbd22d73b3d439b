import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { create, globals } from 'webgpu';
import { openGpuDevice, type GpuDevice } from '../gpu/device';

/** Where Debian's chromium package puts SwiftShader's Vulkan driver (a CPU implementation of a GPU). */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** The SwiftShader driver file, if this machine has one (overridable with DESCENT_SWIFTSHADER_ICD). */
export function findSwiftShader(): string | null {
  const candidates = [process.env.DESCENT_SWIFTSHADER_ICD, SWIFTSHADER_ICD].filter((path): path is string => !!path);
  return candidates.find((path) => existsSync(path)) ?? null;
}

/** The folders where the Vulkan loader looks for driver manifests (on Linux). */
function driverManifestFolders(): string[] {
  const env = process.env;
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':');
  const configDirs = (env.XDG_CONFIG_DIRS || '/etc/xdg').split(':');
  const home = [env.XDG_CONFIG_HOME || join(homedir(), '.config'), env.XDG_DATA_HOME || join(homedir(), '.local/share')];
  return [...home, ...configDirs, '/etc', ...dataDirs].map((dir) => join(dir, 'vulkan', 'icd.d'));
}

/**
 * Whether a Vulkan driver is installed (a manifest in the loader's folders, or one named in the
 * environment). Without one, Dawn's probe only prints "vkCreateInstance: Found no drivers!"
 * warnings on stderr and finds nothing, so it is not made.
 */
export function hasVulkanDriver(): boolean {
  if (process.env.VK_ICD_FILENAMES || process.env.VK_DRIVER_FILES || process.env.VK_ADD_DRIVER_FILES) return true;
  return driverManifestFolders().some((dir) => {
    try {
      return readdirSync(dir).some((name) => name.endsWith('.json'));
    } catch {
      return false;
    }
  });
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

/** The first error WebGPU raised on a device outside any error scope. */
const uncapturedErrors = new WeakMap<GPUDevice, string>();

/** One line that says what WebGPU reported: its kind and its message. */
export function describeGpuError(error: GPUError): string {
  const kind = error instanceof GPUOutOfMemoryError ? 'out of memory' : error instanceof GPUValidationError ? 'validation error' : 'internal error';
  return `${kind}: ${error.message.replace(/\s*\n\s*/g, ' ').trim()}`;
}

/** The first error WebGPU reported on `device` outside an error scope, if any. */
export function uncapturedError(device: GPUDevice): string | null {
  return uncapturedErrors.get(device) ?? null;
}

/** Opens a device and keeps the first uncaptured error it raises, so a run can fail with it. */
async function openWatched(gpu: GPU): Promise<GpuDevice> {
  const opened = await openGpuDevice(gpu);
  opened.device.addEventListener('uncapturederror', (event) => {
    const { device } = opened;
    if (!uncapturedErrors.has(device)) uncapturedErrors.set(device, describeGpuError((event as GPUUncapturedErrorEvent).error));
  });
  return opened;
}

/**
 * A WebGPU device in Node through Dawn. `hardware`: a GPU's own adapter, or a rejection saying why
 * there is none (no driver, or only a software adapter). `any`: that, else SwiftShader when it is installed.
 */
export async function openNodeGpu(kind: 'hardware' | 'any' = 'any'): Promise<GpuDevice> {
  if (hasVulkanDriver()) {
    const opened = await openWatched(dawn()).catch(() => null);
    if (opened && (kind === 'any' || !opened.software)) return opened;
    if (opened) {
      opened.device.destroy();
      throw new Error(`the only WebGPU adapter is a software one (${opened.adapterName}), slower than the CPU engine`);
    }
    if (kind === 'hardware' || process.env.VK_ICD_FILENAMES) throw new Error('no WebGPU adapter could be opened');
  } else if (kind === 'hardware') {
    throw new Error('no GPU driver is installed');
  }
  const swiftShader = findSwiftShader();
  if (!swiftShader) throw new Error(`no WebGPU adapter found, and SwiftShader is not installed (${SWIFTSHADER_ICD}; run scripts/system-deps.sh)`);
  process.env.VK_ICD_FILENAMES = swiftShader;
  return openWatched(dawn());
}
