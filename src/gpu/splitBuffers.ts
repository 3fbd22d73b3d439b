import type { SplitData } from '../core/splits';
import { uploadBuffer } from './arena';

/** One split's features and labels on the GPU, uploaded once. */
export interface SplitBuffers {
  count: number;
  features: GPUBuffer;
  labels: GPUBuffer;
}

export function uploadSplit(device: GPUDevice, split: SplitData, label: string): SplitBuffers {
  return {
    count: split.count,
    features: uploadBuffer(device, Float32Array.from(split.features), `${label} features`),
    labels: uploadBuffer(device, Float32Array.from(split.labels), `${label} labels`),
  };
}

/** 0…n−1: lets the gather kernel read a split's rows in order when evaluating. */
export function identityIndices(device: GPUDevice, n: number): GPUBuffer {
  const indices = new Uint32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  return uploadBuffer(device, indices, 'identity indices');
}
