#!/usr/bin/env node
// Steps per second of the fused small-network kernel against GpuTrainer's layer-by-layer kernels,
// side by side on one WebGPU adapter in Node (Dawn: the hardware adapter, else SwiftShader):
// the default experiment and the `tiny` and `frame` workloads (src/bench/fusedComparison.ts).
// Usage: node scripts/fused-speed.mjs [rounds] [threads,threads,…]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.argv[2] ?? 3);
const threads = process.argv[3]?.split(',').map(Number);

// Vite loads the TypeScript sources with their WGSL (`?raw`) as the app and the CLI build do.
const server = await createServer({ root, logLevel: 'warn', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
  const { openNodeGpu } = await server.ssrLoadModule('/src/cli/nodeWebgpu.ts');
  const { compareFused, formatFusedComparison } = await server.ssrLoadModule('/src/bench/fusedComparison.ts');
  const gpu = await openNodeGpu();
  const rows = await compareFused(gpu, rounds, threads);
  console.log(formatFusedComparison(rows, gpu.adapterName));
  gpu.device.destroy();
} finally {
  await server.close();
}
