import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { CpuTrainer } from '../cpu/cpuTrainer';
import { openGpuDevice } from '../gpu/device';
import { GpuTrainer } from '../gpu/gpuTrainer';
import { runDescent } from './descentRunner';
import type { Measurement } from './measurement';
import { formatSweep, runSweep, SWEEP_BATCHED } from './sweepRunner';
import { runTfjs } from './tfjsRunner';
import { benchmarkDataset, QUICK_WORKLOADS, WORKLOADS } from './workloads';

/** The browser half of `descent bench`: Descent and TensorFlow.js side by side on one adapter. */

export interface BrowserBenchResult {
  adapter: string;
  userAgent: string;
  measurements: Measurement[];
}

declare global {
  interface Window {
    descentBench?: BrowserBenchResult | { error: string };
  }
}

const log = (line: string): void => {
  document.getElementById('log')!.textContent += `${line}\n`;
  console.log(`bench: ${line}`);
};

async function useTfjsBackend(name: 'webgpu' | 'cpu' | 'wasm'): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`TensorFlow.js could not start its ${name} backend`);
  await tf.ready();
}

/** A measurement, or the error that stopped it, so one failing peer does not hide the others. */
async function attempt(implementation: string, workload: string, run: () => Promise<Measurement>): Promise<Measurement> {
  try {
    const measurement = await run();
    log(`${implementation} · ${workload}: ${Math.round(measurement.samplesPerSecond)} samples/s`);
    return measurement;
  } catch (error) {
    log(`${implementation} · ${workload}: failed: ${(error as Error).message}`);
    return { implementation, workload, seconds: NaN, samplesPerSecond: NaN, error: (error as Error).message };
  }
}

async function main(): Promise<BrowserBenchResult> {
  const params = new URLSearchParams(location.search);
  const workloads = params.has('quick') ? QUICK_WORKLOADS : WORKLOADS.filter((w) => !params.get('only') || params.get('only')!.split(',').includes(w.id));
  setWasmPaths({ 'tfjs-backend-wasm.wasm': plainWasm, 'tfjs-backend-wasm-simd.wasm': simdWasm, 'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm });
  if (!navigator.gpu) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
  const gpu = await openGpuDevice(navigator.gpu);
  log(`adapter: ${gpu.adapterName}`);
  const dataset = benchmarkDataset();
  const measurements: Measurement[] = [];
  for (const workload of workloads) {
    if (workload.kind === 'sweep') {
      // A sweep has no TensorFlow.js or CPU peer: its measure is the batched group against one run on this adapter.
      try {
        const sides = await runSweep(gpu, workload);
        log(`${workload.id}: ${formatSweep(...sides)}`);
        measurements.push(...sides);
      } catch (error) {
        log(`${workload.id}: failed: ${(error as Error).message}`);
        measurements.push({ implementation: SWEEP_BATCHED, workload: workload.id, seconds: NaN, samplesPerSecond: NaN, error: (error as Error).message });
      }
      continue;
    }
    measurements.push(await attempt('descent-webgpu', workload.id, () => runDescent('descent-webgpu', workload, dataset, (setup) => GpuTrainer.create(gpu, setup))));
    if (workload.views) {
      measurements.push(await attempt('descent-cpu', workload.id, () => runDescent('descent-cpu', workload, dataset, async (setup) => new CpuTrainer(setup))));
      continue;
    }
    await useTfjsBackend('webgpu');
    measurements.push(await attempt('tfjs-webgpu', workload.id, () => runTfjs('tfjs-webgpu', workload, dataset)));
    measurements.push(await attempt('descent-cpu', workload.id, () => runDescent('descent-cpu', workload, dataset, async (setup) => new CpuTrainer(setup))));
    await useTfjsBackend('cpu');
    measurements.push(await attempt('tfjs-cpu', workload.id, () => runTfjs('tfjs-cpu', workload, dataset)));
    await useTfjsBackend('wasm');
    measurements.push(await attempt('tfjs-wasm', workload.id, () => runTfjs('tfjs-wasm', workload, dataset)));
  }
  return { adapter: gpu.adapterName, userAgent: navigator.userAgent, measurements };
}

main().then(
  (result) => {
    window.descentBench = result;
    log('done');
  },
  (error: Error) => {
    window.descentBench = { error: error.message };
    log(`failed: ${error.message}`);
  },
);
