#!/usr/bin/env node
// Samples per second of the playground frame (`frame`) on GpuTrainer with each combination of
// training and evaluation kernels (layer by layer, fused), and with the see-inside views
// (`frame-inside`), side by side on one WebGPU adapter in Node (Dawn: the hardware adapter, else
// SwiftShader), best of alternating rounds (src/bench/frameComparison.ts), per second of wall time
// and of the process's CPU time (which other jobs on the machine disturb less).
// Usage: node scripts/frame-speed.mjs [rounds]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[2] ?? 3);

// Vite loads the TypeScript sources with their WGSL (`?raw`) as the app and the CLI build do.
const server = await createServer({ root, logLevel: 'warn', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { openNodeGpu } = await server.ssrLoadModule('/src/cli/nodeWebgpu.ts');
  const { compareFrames, formatFrameComparison } = await server.ssrLoadModule('/src/bench/frameComparison.ts');
  const gpu = await openNodeGpu();
  const cpuSeconds = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  console.log(formatFrameComparison(await compareFrames(gpu, rounds, cpuSeconds), gpu.adapterName, rounds));
  gpu.device.destroy();
} finally {
  await server.close();
}
