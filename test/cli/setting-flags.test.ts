import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descent, descentJson, scratch } from './run';

/** Every setting has a flag of descent train (src/core/settings.ts), read like the config file's field. */
describe('the settings as flags', () => {
  it('the schedule, early stopping and the other new flags reach the weights file’s config', () => {
    const dir = scratch();
    descentJson(
      'train', '--lr-schedule', 'step', '--lr-step', '50', '--lr-gamma', '0.5', '--warmup-steps', '10', '--early-stopping', '5',
      '--normalize', 'false', '--layer-activations', 'relu,default', '--data-seed', '3', '--training-seed', '4', '--epochs', '1', '--out', join(dir, 'w.json'), '--backend', 'cpu',
    );
    const { config } = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    expect(config.training).toMatchObject({ lrSchedule: 'step', lrStep: 50, lrGamma: 0.5, warmupSteps: 10, earlyStopping: 5, seed: 4 });
    expect(config.model).toMatchObject({ normalize: false, layerActivations: ['relu', null] });
    expect(config.data.seed).toBe(3);
  });

  it('a bad value is refused naming the flag and what it takes', () => {
    const cases: [string[], string][] = [
      [['--lr-schedule', 'linear'], '--lr-schedule must be one of constant, step, exponential, cosine, warmup; got "linear"'],
      [['--early-stopping', '-1'], '--early-stopping must be a whole number from 0 to 10000; got "-1"'],
      [['--lr-gamma', '0'], '--lr-gamma must be a number greater than 0 and at most 1; got "0"'],
      [['--normalize', 'maybe'], '--normalize must be true or false; got "maybe"'],
    ];
    for (const [flags, message] of cases) {
      const result = descent('train', ...flags);
      expect(result.code, flags.join(' ')).toBe(2);
      expect(result.stderr.split('\n')[0]).toBe(`descent: ${message}`);
    }
  });

  it('--help lists every flag with its default', () => {
    const help = descent('train', '--help').stdout;
    for (const line of ['--lr-schedule constant|step|exponential|cosine|warmup', '--early-stopping PATIENCE', '--points 1…100000']) expect(help).toContain(line);
    expect(help).toMatch(/--lr \[0, 10\] +α, the step size \(default 0\.01\)/);
  });
});
