import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../src/core/config';
import { earlyStopNotice, EpochEarlyStopping, type EarlyStop } from '../../src/core/earlyStopping';
import { CpuTrainer } from '../../src/cpu/cpuTrainer';
import { datasetOf } from '../../src/train/dataEdits';
import { buildTrainerSetup } from '../../src/train/trainerSetup';
import { descent, descentJson, scratch } from './run';

/** XOR with much noise and few points: the test loss stops improving after a few dozen epochs. */
const OVERFITTING = { data: { preset: 'xor', noise: 0.5, points: 100 }, model: { hidden: [16, 16] }, training: { learningRate: 0.03, earlyStopping: 10 } };

/** A config file holding `config`; returns its path. */
const configFile = (config: object): string => join(scratch({ 'config.json': JSON.stringify(config) }), 'config.json');

/** Where the rule stops the overfitting experiment, trained epoch by epoch in this process. */
function expectedStop(): EarlyStop {
  const config: ExperimentConfig = defaultConfig();
  Object.assign(config.data, OVERFITTING.data);
  Object.assign(config.model, OVERFITTING.model);
  Object.assign(config.training, OVERFITTING.training);
  const trainer = new CpuTrainer(buildTrainerSetup('fresh', config, datasetOf(config.data, null), null));
  const stopping = new EpochEarlyStopping(trainer.stepsPerEpoch);
  for (let epoch = 1; epoch <= 500; epoch++) {
    const observation = trainer.stepSync(trainer.stepsPerEpoch, { metrics: true });
    const stop = stopping.observe(observation.step, observation.epoch, observation.metrics!.test!.loss, { patience: 10, target: null });
    if (stop) return stop;
  }
  throw new Error('the experiment never stops');
}

describe('descent train with early stopping (training.earlyStopping in --config)', () => {
  it('stops when the test loss has not improved for that many epochs; --json says at which epoch and why', () => {
    const expected = expectedStop();
    const summary = descentJson('train', '--config', configFile(OVERFITTING), '--epochs', '500', '--backend', 'cpu');
    expect(summary).toMatchObject({ stoppedAtEpoch: expected.epoch, stopReason: expected.reason, epochs: expected.epoch });
    expect(summary.stopReason).toMatch(/^the test loss has not improved for 10 evaluations \(best at epoch \d+\)$/);
    const best = Number(/best at epoch (\d+)/.exec(summary.stopReason as string)![1]);
    expect(summary.stoppedAtEpoch).toBe(best + 10);
  });

  it('on WebGPU it stops at the same epoch', () => {
    const summary = descentJson('train', '--config', configFile(OVERFITTING), '--epochs', '500', '--backend', 'webgpu');
    expect(summary).toMatchObject({ backend: 'webgpu', stoppedAtEpoch: expectedStop().epoch });
  });

  it('the text summary says so too', () => {
    const result = descent('train', '--config', configFile(OVERFITTING), '--epochs', '500', '--backend', 'cpu');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`\n${earlyStopNotice(expectedStop())}\n`);
  });

  it('a run that ends before its patience runs out, or without early stopping, reports no stop', () => {
    const short = descentJson('train', '--config', configFile(OVERFITTING), '--epochs', '5', '--backend', 'cpu');
    expect(short).toMatchObject({ epochs: 5, stoppedAtEpoch: null, stopReason: null });
    const off = descentJson('train', '--config', configFile({ ...OVERFITTING, training: { learningRate: 0.03 } }), '--epochs', '100', '--backend', 'cpu');
    expect(off).toMatchObject({ epochs: 100, stoppedAtEpoch: null, stopReason: null });
  });

  it('with no test points it says that early stopping cannot watch the test loss, and trains to the end', () => {
    const result = descent('train', '--config', configFile({ ...OVERFITTING, data: { ...OVERFITTING.data, trainFraction: 1 } }), '--epochs', '60', '--backend', 'cpu', '--json');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('early stopping watches the test loss, and this data has no test points: training runs all its steps');
    expect(JSON.parse(result.stdout)).toMatchObject({ epochs: 60, stoppedAtEpoch: null });
  });
});

describe('descent train --stop-at-loss', () => {
  it('stops at the first whole epoch whose test loss is at most the target, on both backends', () => {
    for (const backend of ['cpu', 'webgpu']) {
      const summary = descentJson('train', '--preset', 'circle', '--stop-at-loss', '0.2', '--epochs', '500', '--backend', backend);
      expect(summary, backend).toMatchObject({ stopReason: 'the test loss reached 0.2' });
      expect(summary.stoppedAtEpoch, backend).toBeLessThan(500);
      expect((summary.test as { loss: number }).loss, backend).toBeLessThanOrEqual(0.2);
    }
  });
});

describe('descent train with a learning-rate schedule (training.lrSchedule in --config)', () => {
  it('cosine down to 0 after one step trains exactly as one step does', () => {
    const dir = scratch();
    const once = descentJson('train', '--preset', 'moons', '--steps', '1', '--out', join(dir, 'once.json'), '--backend', 'cpu');
    const cosine = descentJson('train', '--config', configFile({ data: { preset: 'moons' }, training: { lrSchedule: 'cosine', lrStep: 1 } }), '--epochs', '20', '--backend', 'cpu');
    expect(cosine.train).toEqual(once.train);
    expect(cosine.test).toEqual(once.test);
    const constant = descentJson('train', '--preset', 'moons', '--epochs', '20', '--backend', 'cpu');
    expect(constant.train.loss).toBeLessThan(once.train.loss / 2);
  });

  it('step decay changes the run, and the weights file keeps the schedule', () => {
    const dir = scratch();
    const config = { data: { preset: 'moons' }, training: { lrSchedule: 'step', lrStep: 30, lrGamma: 0.1 } };
    const decayed = descentJson('train', '--config', configFile(config), '--epochs', '20', '--out', join(dir, 'w.json'), '--backend', 'cpu');
    const constant = descentJson('train', '--preset', 'moons', '--epochs', '20', '--backend', 'cpu');
    expect(decayed.train.loss).not.toBe(constant.train.loss);
    const weights = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(weights.config.training).toMatchObject({ lrSchedule: 'step', lrStep: 30, lrGamma: 0.1 });
  });
});
