import { describe, expect, it } from 'vitest';
import { activate } from '../../src/core/activations';
import { defaultConfig, type ExperimentConfig, type OptimizerName } from '../../src/core/config';
import { splitDataset } from '../../src/core/dataset';
import { liveSettingsOf } from '../../src/core/trainer';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { stepStages } from '../../src/cpu/stepStages';
import { generateDataset } from '../../src/data/presets';
import { buildTrainerSetup } from '../../src/train/trainerSetup';

/** The slow-motion step's numbers against the Float64 CPU trainer's own step of batch size 1. */

function experiment(optimizer: OptimizerName, change: (config: ExperimentConfig) => void = () => {}): ExperimentConfig {
  const config = defaultConfig();
  config.data = { ...config.data, points: 60 };
  config.model.hidden = [3, 2];
  config.model.features = ['x1', 'x2', 'x1*x2'];
  config.training = { ...config.training, optimizer, learningRate: 0.3, batchSize: 1, l2: 0.01 };
  change(config);
  return config;
}

/** The trainer, and the training point (raw coordinates and label) its step `step` uses. */
function oracleAndPoint(config: ExperimentConfig, step: number) {
  const dataset = generateDataset(config.data);
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, dataset, null), Float64Array);
  const row = (trainer as unknown as { schedule: { batch(step: number): Uint32Array } }).schedule.batch(step)[0];
  const train = splitDataset(dataset, 'train');
  return { trainer, point: [train.points[2 * row], train.points[2 * row + 1]] as const, label: train.labels[row] };
}

describe('one step in slow motion', () => {
  it.each<OptimizerName>(['sgd', 'momentum', 'adam'])('its update is the trainer’s real step of batch size 1 on that point (%s), from the first step and after some, from the state the trainer exports', async (optimizer) => {
    const config = experiment(optimizer);
    for (const step of [0, 5, 20]) {
      const { trainer, point, label } = oracleAndPoint(config, step);
      trainer.stepSync(step);
      const before = Float64Array.from(trainer.network.params);
      const state = await trainer.getOptimizerState();
      expect(state.step).toBe(step);
      const stages = stepStages({ plan: trainer.plan, parameters: before, point, label, settings: liveSettingsOf(config.training), step: state.step, state: state.values });
      const observation = trainer.stepSync(1);
      expect(stages.loss).toBeCloseTo(observation.loss, 12);
      const after = trainer.network.params;
      stages.parameters.forEach((value, i) => expect(value, `parameter ${i}`).toBeCloseTo(after[i], 12));
      const stateAfter = (await trainer.getOptimizerState()).values;
      stages.state.forEach((value, i) => expect(value, `state ${i}`).toBeCloseTo(stateAfter[i], 12));
      expect(Array.from(stages.parameters)).not.toEqual(Array.from(before));
    }
  });

  it('forward: the hidden units are the layer’s formula on the point’s features; the output is a probability', () => {
    const config = experiment('sgd');
    const { trainer, point, label } = oracleAndPoint(config, 0);
    const params = trainer.network.params;
    const stages = stepStages({ plan: trainer.plan, parameters: params, point, label, settings: liveSettingsOf(config.training), step: 0 });
    const [layer] = trainer.plan.dense;
    const features = stages.activations[0];
    for (let o = 0; o < layer.out; o++) {
      let z = params[layer.biasOffset + o];
      for (let i = 0; i < layer.in; i++) z += params[layer.weightOffset + o * layer.in + i] * features[i];
      expect(stages.activations[layer.output][o]).toBeCloseTo(activate('tanh', z), 12);
    }
    expect(stages.outputs.length).toBe(1);
    const p = stages.outputs[0];
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(stages.loss).toBeCloseTo(-Math.log(label === 1 ? p : 1 - p), 12);
    // SGD: the update is lr·(gradient + l2·w) for weights, lr·gradient for biases.
    const i = layer.weightOffset;
    expect(stages.parameters[i]).toBeCloseTo(params[i] - 0.3 * (stages.gradients[i] + 0.01 * params[i]), 12);
    const b = layer.biasOffset;
    expect(stages.parameters[b]).toBeCloseTo(params[b] - 0.3 * stages.gradients[b], 12);
  });

  it('takes the ResNet’s skips, and refuses parameters of another network', () => {
    const config = experiment('sgd', (c) => Object.assign(c.model, { arch: 'resnet', width: 3, blocks: 1 }));
    const { trainer, point, label } = oracleAndPoint(config, 0);
    const stages = stepStages({ plan: trainer.plan, parameters: trainer.network.params, point, label, settings: liveSettingsOf(config.training), step: 0 });
    trainer.stepSync(1);
    stages.parameters.forEach((value, i) => expect(value).toBeCloseTo(trainer.network.params[i], 12));
    expect(() => stepStages({ plan: trainer.plan, parameters: [1, 2], point, label, settings: liveSettingsOf(config.training), step: 0 })).toThrow(/expected \d+ parameters, got 2/);
  });
});
