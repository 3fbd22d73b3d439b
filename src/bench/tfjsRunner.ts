import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Dataset } from '../core/dataset';
import { computeFeatures } from '../core/features';
import { gridPoints, planeGrid } from '../core/grid';
import { MinibatchSchedule } from '../core/schedule';
import { timed, type Measurement } from './measurement';
import { workloadConfig, workloadSamples, workloadSetup, type Workload } from './workloads';

/**
 * The same workloads on TensorFlow.js: the same layers, Glorot-uniform initialisation, Adam,
 * batch and steps, minibatches gathered on the backend from the same seeded schedule, and the
 * loss (or the grid) read back at the end so the work is really done.
 */

/** A tfjs model with the workload's layout; its output is the logit of class 1. */
function buildModel(workload: Workload, featureCount: number): tfl.LayersModel {
  const dense = (units: number, activation: 'linear' | 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'softplus') =>
    tfl.layers.dense({ units, activation, kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' });
  const activation = workload.activation as 'relu' | 'tanh';
  const input = tfl.input({ shape: [featureCount] });
  let x = input as tfl.SymbolicTensor;
  if (workload.arch === 'mlp') {
    for (const units of workload.hidden) x = dense(units, activation).apply(x) as tfl.SymbolicTensor;
  } else {
    x = dense(workload.width, activation).apply(x) as tfl.SymbolicTensor;
    for (let b = 0; b < workload.blocks; b++) {
      const branch = dense(workload.width, activation).apply(dense(workload.width, activation).apply(x)) as tfl.SymbolicTensor;
      x = tfl.layers.add().apply([x, branch]) as tfl.SymbolicTensor;
    }
  }
  const output = dense(1, 'linear').apply(x) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: output });
}

/** Runs one workload on the current tfjs backend. */
export async function runTfjs(implementation: string, workload: Workload, dataset: Dataset): Promise<Measurement> {
  const setup = workloadSetup(workload, dataset);
  const featureCount = setup.spec.features.length;
  const features = computeFeatures(dataset.points, setup.spec.features, new Float32Array(dataset.labels.length * featureCount), setup.spec.normalization);
  const model = buildModel(workload, featureCount);
  const xs = tf.tensor2d(features, [dataset.labels.length, featureCount]);
  const ys = tf.tensor2d(Float32Array.from(dataset.labels), [dataset.labels.length, 1]);
  const grid = planeGrid(workload.grid);
  const gridFeatures = workload.grid > 0 ? tf.tensor2d(computeFeatures(gridPoints(grid), setup.spec.features, new Float32Array(grid.width * grid.height * featureCount), setup.spec.normalization), [grid.width * grid.height, featureCount]) : null;
  const optimizer = tf.train.adam(workloadConfig(workload).training.learningRate, 0.9, 0.999, 1e-8);
  const schedule = new MinibatchSchedule(dataset.labels.length, Math.max(1, workload.batch), 7);
  let step = 0;

  const trainSteps = (count: number): tf.Scalar | null => {
    let loss: tf.Scalar | null = null;
    for (let s = 0; s < count; s++, step++) {
      const indices = tf.tensor1d(Int32Array.from(schedule.batch(step)), 'int32');
      loss?.dispose();
      loss = optimizer.minimize(() => {
        const logits = model.apply(tf.gather(xs, indices)) as tf.Tensor;
        return tf.losses.sigmoidCrossEntropy(tf.gather(ys, indices), logits) as tf.Scalar;
      }, true) as tf.Scalar;
      indices.dispose();
    }
    return loss;
  };
  const predictGrid = (): tf.Tensor => tf.tidy(() => tf.sigmoid(model.predict(gridFeatures!) as tf.Tensor));

  try {
    // Warm-up, as for Descent: compiles shaders and allocates.
    if (workload.kind === 'grid') await predictGrid().data();
    else {
      const warm = trainSteps(Math.min(workload.steps, 2));
      await warm?.data();
      warm?.dispose();
    }
    const { seconds, result: loss } = await timed(async () => {
      if (workload.kind === 'train') {
        const last = trainSteps(workload.steps)!;
        const value = (await last.data())[0];
        last.dispose();
        return value;
      }
      let value = NaN;
      for (let r = 0; r < workload.repeats; r++) {
        const last = workload.kind === 'frame' ? trainSteps(workload.steps) : null;
        const outputs = predictGrid();
        await outputs.data();
        if (last) value = (await last.data())[0];
        outputs.dispose();
        last?.dispose();
      }
      return value;
    });
    return { implementation, workload: workload.id, seconds, samplesPerSecond: workloadSamples(workload) / seconds, loss };
  } finally {
    model.dispose();
    optimizer.dispose();
    xs.dispose();
    ys.dispose();
    gridFeatures?.dispose();
  }
}
