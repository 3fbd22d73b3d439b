import { activate, slopeFromOutput, type Activation } from '../core/activations';
import { dropoutKeep } from '../core/dropout';
import type { Floats } from './floats';
import { gemm } from './gemm';

/**
 * The CPU twins of the WGSL kernels, on row-major typed arrays. Generic over Float32Array
 * (the runtime engine) and Float64Array (the oracle the GPU kernels are tested against).
 */

/** Dropout of one layer in one training step. */
export interface DropoutMask {
  /** dropoutLayerKey(stepSeed, layer.index). */
  key: number;
  rate: number;
}

/** dst[r, :] = src[rows[r], :] for r < rows.length. Twin of shaders/gather.wgsl. */
export function gatherRows(src: Floats, width: number, rows: ArrayLike<number>, dst: Floats): void {
  for (let r = 0; r < rows.length; r++) {
    const from = rows[r] * width;
    const to = r * width;
    for (let j = 0; j < width; j++) dst[to + j] = src[from + j];
  }
}

/**
 * Z = A·Wᵀ + b, out = σ(Z) with inverted dropout, and sum = out + skip when given.
 * A: rows × inWidth; W: outWidth × inWidth at params[weightOffset]; b at params[biasOffset];
 * out, skip, sum: rows × outWidth. Twin of shaders/dense_forward.wgsl.
 */
export function denseForward(
  a: Floats,
  rows: number,
  params: Floats,
  layer: { in: number; out: number; weightOffset: number; biasOffset: number },
  activation: Activation,
  out: Floats,
  dropout: DropoutMask | null,
  skip: Floats | null,
  sum: Floats | null,
): void {
  const { in: inWidth, out: outWidth, weightOffset, biasOffset } = layer;
  const scale = dropout ? 1 / (1 - dropout.rate) : 1;
  gemm({ data: a, offset: 0, rowStride: inWidth, innerStride: 1 }, { data: params, offset: weightOffset, rowStride: inWidth, innerStride: 1 }, out, 0, rows, outWidth, inWidth);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outWidth; o++) {
      const index = r * outWidth + o;
      let value = activate(activation, out[index] + params[biasOffset + o]);
      if (dropout) value = dropoutKeep(dropout.key, index, dropout.rate) ? value * scale : 0;
      out[index] = value;
      if (sum && skip) sum[index] = value + skip[index];
    }
  }
}

/**
 * dW = dZᵀ·A and db = column sums of dZ, written (not added) into grads.
 * dZ: rows × outWidth; A: rows × inWidth. Twin of shaders/dense_weight_grad.wgsl.
 */
export function denseWeightGradient(
  dZ: Floats,
  a: Floats,
  rows: number,
  layer: { in: number; out: number; weightOffset: number; biasOffset: number },
  grads: Floats,
): void {
  const { in: inWidth, out: outWidth, weightOffset, biasOffset } = layer;
  // dW[o, i] = Σ_r dZ[r, o]·A[r, i]: both operands read down their columns.
  gemm({ data: dZ, offset: 0, rowStride: 1, innerStride: outWidth }, { data: a, offset: 0, rowStride: 1, innerStride: inWidth }, grads, weightOffset, outWidth, inWidth, rows);
  grads.fill(0, biasOffset, biasOffset + outWidth);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outWidth; o++) grads[biasOffset + o] += dZ[r * outWidth + o];
  }
}

/** The layer that produced this layer's input: its activation, stored output and dropout. */
export interface Producer {
  activation: Activation;
  /** Its stored output (after dropout), rows × inWidth. */
  output: Floats;
  dropout: DropoutMask | null;
}

/**
 * G = dZ·W (+ extra, the gradient arriving through a residual skip); raw = G when asked;
 * dZprev = G ⊙ dropout scale ⊙ σ'(producer's output). dZ: rows × outWidth; G, extra, raw,
 * dZprev: rows × inWidth. Twin of shaders/dense_input_grad.wgsl.
 */
export function denseInputGradient(
  dZ: Floats,
  rows: number,
  params: Floats,
  layer: { in: number; out: number; weightOffset: number },
  extra: Floats | null,
  raw: Floats | null,
  producer: Producer,
  dZprev: Floats,
): void {
  const { in: inWidth, out: outWidth, weightOffset } = layer;
  const dropout = producer.dropout;
  const keepScale = dropout ? 1 / (1 - dropout.rate) : 1;
  // G[r, i] = Σ_o dZ[r, o]·W[o, i].
  gemm({ data: dZ, offset: 0, rowStride: outWidth, innerStride: 1 }, { data: params, offset: weightOffset, rowStride: 1, innerStride: inWidth }, dZprev, 0, rows, inWidth, outWidth);
  for (let r = 0; r < rows; r++) {
    const row = r * inWidth;
    for (let i = 0; i < inWidth; i++) {
      const index = row + i;
      const g = extra ? dZprev[index] + extra[index] : dZprev[index];
      if (raw) raw[index] = g;
      if (dropout && !dropoutKeep(dropout.key, index, dropout.rate)) {
        dZprev[index] = 0;
        continue;
      }
      // The stored output carries the dropout scale; undo it to get σ(z) back.
      dZprev[index] = g * keepScale * slopeFromOutput(producer.activation, producer.output[index] / keepScale);
    }
  }
}
