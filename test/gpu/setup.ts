import { afterAll, afterEach, expect } from 'vitest';
import type { GpuDevice } from '../../src/gpu/device';
import { openNodeGpu } from '../../src/cli/nodeWebgpu';

let opened: Promise<GpuDevice> | null = null;
const validationErrors: string[] = [];

/**
 * The WebGPU device for this test file (Dawn: hardware, else SwiftShader). There is no skipping:
 * without an adapter every GPU test fails, in CI and everywhere else.
 */
export function testGpu(): Promise<GpuDevice> {
  opened ??= openNodeGpu().then((gpu) => {
    gpu.device.addEventListener('uncapturederror', (event) => validationErrors.push((event as GPUUncapturedErrorEvent).error.message));
    return gpu;
  });
  return opened;
}

/** Takes the uncaptured WebGPU errors seen so far, for a test that causes one on purpose. */
export async function takeUncapturedErrors(): Promise<string[]> {
  if (opened) await (await opened).device.queue.onSubmittedWorkDone();
  return validationErrors.splice(0);
}

afterEach(async () => {
  if (opened) {
    // Let Dawn deliver any error raised by the test's last submit before checking.
    await (await opened).device.queue.onSubmittedWorkDone();
  }
  expect(validationErrors.splice(0), 'WebGPU validation errors').toEqual([]);
});

afterAll(async () => {
  if (opened) (await opened).device.destroy();
});
