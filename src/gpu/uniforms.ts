/** Packing of the uniform structs declared in the WGSL headers, field for field. */

/** Bytes between the per-pass uniforms: WebGPU's minimum dynamic-offset alignment. */
export const PASS_STRIDE = 256;
/** Bytes of one `Pass` struct: twelve 32-bit words. */
export const PASS_BYTES = 48;

export interface PassUniform {
  rows: number;
  indexOffset?: number;
  stepSeed?: number;
  resultSlot?: number;
  stepSize?: number;
  inverseSqrtCorrection2?: number;
  dropoutRate?: number;
  firstRow?: number;
  /** Rows of the whole minibatch when a step is cut into chunks; `rows` otherwise. */
  batchRows?: number;
}

/** `Pass` (shaders/common.wgsl) into `view` at byte `offset`. */
export function writePass(view: DataView, offset: number, pass: PassUniform): void {
  view.setUint32(offset, pass.rows, true);
  view.setUint32(offset + 4, pass.indexOffset ?? 0, true);
  view.setUint32(offset + 8, pass.stepSeed ?? 0, true);
  view.setUint32(offset + 12, pass.resultSlot ?? 0, true);
  view.setFloat32(offset + 16, pass.stepSize ?? 0, true);
  view.setFloat32(offset + 20, pass.inverseSqrtCorrection2 ?? 1, true);
  view.setFloat32(offset + 24, pass.dropoutRate ?? 0, true);
  view.setUint32(offset + 28, pass.firstRow ?? 0, true);
  view.setUint32(offset + 32, pass.batchRows ?? pass.rows, true);
}

/** `Gather` (shaders/gather.wgsl): the feature width, and where the rows and labels go in the arena (in floats). */
export function packGather(featureWidth: number, featuresOut: number, labelsOut: number): Uint32Array<ArrayBuffer> {
  return Uint32Array.from([featureWidth, featuresOut, labelsOut, 0]);
}

/** `Dense` (shaders/common.wgsl): 24 words, every one a u32. */
export interface DenseUniform {
  inWidth: number;
  outWidth: number;
  weightOffset: number;
  biasOffset: number;
  activation: number;
  layerIndex: number;
  input: number;
  output: number;
  skip: number | null;
  sum: number | null;
  dz: number;
  extraGrad: number | null;
  rawGrad: number | null;
  producerOutput: number | null;
  producerActivation: number;
  producerIndex: number;
  producerDz: number | null;
  hidden: boolean;
}

export function packDense(d: DenseUniform): Uint32Array {
  return Uint32Array.from([
    d.inWidth,
    d.outWidth,
    d.weightOffset,
    d.biasOffset,
    d.activation,
    d.layerIndex,
    d.input,
    d.output,
    d.skip ?? 0,
    d.sum ?? 0,
    d.skip === null ? 0 : 1,
    d.dz,
    d.extraGrad ?? 0,
    d.extraGrad === null ? 0 : 1,
    d.rawGrad ?? 0,
    d.rawGrad === null ? 0 : 1,
    d.producerOutput ?? 0,
    d.producerActivation,
    d.producerIndex,
    d.producerDz ?? 0,
    d.producerDz === null ? 0 : 1,
    d.hidden ? 1 : 0,
    0,
    0,
  ]);
}

/** `Settings` (shaders/optimizer.wgsl). */
export function packSettings(s: {
  optimizer: number;
  parameterCount: number;
  weightCount: number;
  momentum: number;
  l1: number;
  l2: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}): ArrayBuffer {
  const buffer = new ArrayBuffer(48);
  const view = new DataView(buffer);
  view.setUint32(0, s.optimizer, true);
  view.setUint32(4, s.parameterCount, true);
  view.setUint32(8, s.weightCount, true);
  [s.momentum, s.l1, s.l2, s.beta1, s.beta2, s.epsilon].forEach((value, i) => view.setFloat32(16 + 4 * i, value, true));
  return buffer;
}

/** `GridFeatures` (shaders/grid_features.wgsl): up to 12 features. */
export function packGridFeatures(g: {
  width: number;
  height: number;
  output: number;
  x1: [number, number];
  x2: [number, number];
  codes: number[];
  mean: number[];
  std: number[];
}): ArrayBuffer {
  const buffer = new ArrayBuffer(32 + 3 * 48);
  const view = new DataView(buffer);
  view.setUint32(0, g.width, true);
  view.setUint32(4, g.height, true);
  view.setUint32(8, g.codes.length, true);
  view.setUint32(12, g.output, true);
  [g.x1[0], g.x1[1], g.x2[0], g.x2[1]].forEach((value, i) => view.setFloat32(16 + 4 * i, value, true));
  g.codes.forEach((code, j) => {
    view.setUint32(32 + 4 * j, code, true);
    view.setFloat32(80 + 4 * j, g.mean[j], true);
    view.setFloat32(128 + 4 * j, g.std[j], true);
  });
  return buffer;
}
