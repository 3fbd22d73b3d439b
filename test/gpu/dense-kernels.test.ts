import { beforeAll, describe, expect, it } from 'vitest';
import { activationCode, HIDDEN_ACTIVATIONS } from '../../src/core/activations';
import { dropoutLayerKey } from '../../src/core/dropout';
import { denseForward, denseInputGradient, denseWeightGradient } from '../../src/cpu/kernels';
import { DENSE_TILINGS } from '../../src/gpu/kernels/denseKernels';
import { packDense, type DenseUniform } from '../../src/gpu/uniforms';
import { KernelHarness, TestArena, randomValues, relativeError } from './harness';
import { testGpu } from './setup';

/** rows × in → out; every awkward size appears in every position, plus one large case. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 7, 1],
  [7, 3, 63],
  [63, 65, 7],
  [65, 257, 3],
  [257, 63, 65],
  [1, 257, 257],
  [65, 1, 257],
  [1030, 300, 129],
];

const WEIGHT_OFFSET = 5;
const f64 = (values: Float32Array) => Float64Array.from(values);

/** Parameters with W (out × in) at WEIGHT_OFFSET and b right after a gap, like a real layer. */
function parameters(inWidth: number, outWidth: number, seed: number) {
  const biasOffset = WEIGHT_OFFSET + inWidth * outWidth + 3;
  return { values: randomValues(biasOffset + outWidth + 2, seed, 0.5), weightOffset: WEIGHT_OFFSET, biasOffset, in: inWidth, out: outWidth };
}

function denseUniform(fields: Partial<DenseUniform> & Pick<DenseUniform, 'inWidth' | 'outWidth' | 'weightOffset' | 'biasOffset'>): ArrayBuffer {
  return packDense({
    activation: 0,
    layerIndex: 0,
    input: 0,
    output: 0,
    skip: null,
    sum: null,
    dz: 0,
    extraGrad: null,
    rawGrad: null,
    producerOutput: null,
    producerActivation: 0,
    producerIndex: 0,
    producerDz: null,
    hidden: true,
    ...fields,
  });
}

describe.each(DENSE_TILINGS)('dense kernels with %s tiling match their CPU twins (outputs poisoned with NaN first)', (tiling) => {
  let harness: KernelHarness;
  beforeAll(async () => {
    harness = await KernelHarness.create(await testGpu(), tiling);
  });

  SHAPES.forEach(([rows, inWidth, outWidth], caseIndex) => {
    const activation = HIDDEN_ACTIVATIONS[caseIndex % HIDDEN_ACTIVATIONS.length];
    const withDropout = caseIndex % 2 === 1;
    const withSkip = caseIndex % 3 !== 0 && inWidth >= 1;
    const rate = withDropout ? 0.3 : 0;
    const stepSeed = 1234 + caseIndex;
    const layerIndex = caseIndex + 2;

    it(`forward ${rows}×${inWidth}→${outWidth} · ${activation}${withDropout ? ' · dropout' : ''}${withSkip ? ' · skip' : ''}`, async () => {
      const p = parameters(inWidth, outWidth, 10 + caseIndex);
      const arena = new TestArena();
      const a = randomValues(rows * inWidth, 20 + caseIndex, 2);
      const skip = randomValues(rows * outWidth, 30 + caseIndex);
      arena.region('a', a.length, a);
      arena.region('out', rows * outWidth);
      arena.region('skip', skip.length, skip);
      arena.region('sum', rows * outWidth);
      arena.region('guard', 64);
      const arenaBuffer = harness.upload(arena.contents());
      const uniform = harness.uniform(
        denseUniform({
          inWidth,
          outWidth,
          weightOffset: p.weightOffset,
          biasOffset: p.biasOffset,
          activation: activationCode(activation),
          layerIndex,
          input: arena.offset('a'),
          output: arena.offset('out'),
          skip: withSkip ? arena.offset('skip') : null,
          sum: withSkip ? arena.offset('sum') : null,
        }),
      );
      const group = harness.kernels.dense.bind('forward', uniform, arenaBuffer, harness.upload(p.values));
      harness.run({ rows, stepSeed, dropoutRate: rate }, (pass) => harness.kernels.dense.encode(pass, 'forward', group, rows, outWidth));
      const result = await harness.read(arenaBuffer);

      const out = new Float64Array(rows * outWidth);
      const sum = new Float64Array(rows * outWidth);
      const dropout = withDropout ? { key: dropoutLayerKey(stepSeed, layerIndex), rate } : null;
      denseForward(f64(a), rows, f64(p.values), p, activation, out, dropout, withSkip ? f64(skip) : null, withSkip ? sum : null);
      expect(relativeError(arena.slice(result, 'out'), out)).toBeLessThan(1e-5);
      if (withSkip) expect(relativeError(arena.slice(result, 'sum'), sum)).toBeLessThan(1e-5);
      else expect(arena.slice(result, 'sum').every(Number.isNaN)).toBe(true);
      expect(arena.slice(result, 'guard').every(Number.isNaN)).toBe(true);
    });

    it(`weight gradient ${rows}×${inWidth}→${outWidth}`, async () => {
      const p = parameters(inWidth, outWidth, 40 + caseIndex);
      const arena = new TestArena();
      const dz = randomValues(rows * outWidth, 50 + caseIndex);
      const a = randomValues(rows * inWidth, 60 + caseIndex, 2);
      arena.region('dz', dz.length, dz);
      arena.region('a', a.length, a);
      const arenaBuffer = harness.upload(arena.contents());
      const gradsBuffer = harness.upload(new Float32Array(p.values.length).fill(NaN));
      const uniform = harness.uniform(
        denseUniform({ inWidth, outWidth, weightOffset: p.weightOffset, biasOffset: p.biasOffset, input: arena.offset('a'), dz: arena.offset('dz') }),
      );
      const group = harness.kernels.dense.bind('weightGrad', uniform, arenaBuffer, gradsBuffer);
      harness.run({ rows }, (pass) => harness.kernels.dense.encode(pass, 'weightGrad', group, outWidth, inWidth + 1));
      const result = await harness.read(gradsBuffer);

      const grads = new Float64Array(p.values.length).fill(NaN);
      denseWeightGradient(f64(dz), f64(a), rows, p, grads);
      const written = (values: ArrayLike<number>) => [
        ...Array.from(values).slice(p.weightOffset, p.weightOffset + inWidth * outWidth),
        ...Array.from(values).slice(p.biasOffset, p.biasOffset + outWidth),
      ];
      expect(relativeError(written(result), written(grads))).toBeLessThan(1e-5);
      // Outside the layer's weights and biases nothing is written.
      expect(result.slice(0, p.weightOffset).every(Number.isNaN)).toBe(true);
      expect(result.slice(p.biasOffset + outWidth).every(Number.isNaN)).toBe(true);
    });

    it(`input gradient ${rows}×${inWidth}→${outWidth} · ${activation}${withDropout ? ' · dropout' : ''}${withSkip ? ' · skip gradient' : ''}`, async () => {
      const p = parameters(inWidth, outWidth, 70 + caseIndex);
      const arena = new TestArena();
      const dz = randomValues(rows * outWidth, 80 + caseIndex);
      const extra = randomValues(rows * inWidth, 90 + caseIndex);
      const producerOutput = randomValues(rows * inWidth, 100 + caseIndex, 0.9);
      arena.region('dz', dz.length, dz);
      arena.region('extra', extra.length, extra);
      arena.region('raw', rows * inWidth);
      arena.region('producer output', producerOutput.length, producerOutput);
      arena.region('producer dz', rows * inWidth);
      arena.region('guard', 64);
      const arenaBuffer = harness.upload(arena.contents());
      const producerIndex = layerIndex - 1;
      const uniform = harness.uniform(
        denseUniform({
          inWidth,
          outWidth,
          weightOffset: p.weightOffset,
          biasOffset: p.biasOffset,
          dz: arena.offset('dz'),
          extraGrad: withSkip ? arena.offset('extra') : null,
          rawGrad: withSkip ? arena.offset('raw') : null,
          producerOutput: arena.offset('producer output'),
          producerActivation: activationCode(activation),
          producerIndex,
          producerDz: arena.offset('producer dz'),
        }),
      );
      const group = harness.kernels.dense.bind('inputGrad', uniform, arenaBuffer, harness.upload(p.values));
      harness.run({ rows, stepSeed, dropoutRate: rate }, (pass) => harness.kernels.dense.encode(pass, 'inputGrad', group, rows, inWidth));
      const result = await harness.read(arenaBuffer);

      const raw = new Float64Array(rows * inWidth);
      const producerDz = new Float64Array(rows * inWidth);
      const dropout = withDropout ? { key: dropoutLayerKey(stepSeed, producerIndex), rate } : null;
      denseInputGradient(f64(dz), rows, f64(p.values), p, withSkip ? f64(extra) : null, withSkip ? raw : null, { activation, output: f64(producerOutput), dropout }, producerDz);
      expect(relativeError(arena.slice(result, 'producer dz'), producerDz)).toBeLessThan(1e-5);
      if (withSkip) expect(relativeError(arena.slice(result, 'raw'), raw)).toBeLessThan(1e-5);
      else expect(arena.slice(result, 'raw').every(Number.isNaN)).toBe(true);
      expect(arena.slice(result, 'guard').every(Number.isNaN)).toBe(true);
    });
  });
});
