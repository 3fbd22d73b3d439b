import { describe, expect, it } from 'vitest';
import { readSettingFlag } from '../../src/cli/settingFlags';
import { OPTIMIZERS } from '../../src/core/config';
import { setting } from '../../src/core/settings';
import { parseExperimentConfig } from '../../src/io/experimentConfig';
import { readSettingText } from '../../src/io/settingRead';
import { inputErrorOf } from './expectations';

/** The message of whatever `fn` throws. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('nothing was thrown');
}

describe('a value that is not what a setting takes is reported in one style wherever it is typed', () => {
  it('a learning rate of 12: on the page, as a flag and in a config file', () => {
    expect(readSettingText(setting('lr'), '12')).toEqual({ problem: 'Learning rate must be a number from 0 to 10; got 12' });
    expect(messageOf(() => readSettingFlag(setting('lr'), '12'))).toBe('--lr must be a number from 0 to 10; got "12"');
    expect(inputErrorOf(() => parseExperimentConfig({ training: { learningRate: 12 } }, 'config.json'))).toBe(
      'config.json: training.learningRate must be a number from 0 to 10; got 12',
    );
  });

  it('a name that is none of the choices: on the page, as a flag and in a config file', () => {
    const names = OPTIMIZERS.join(', ');
    expect(readSettingText(setting('optimizer'), 'rmsprop')).toEqual({ problem: `Optimizer must be one of ${names}; got "rmsprop"` });
    expect(messageOf(() => readSettingFlag(setting('optimizer'), 'rmsprop'))).toBe(`--optimizer must be one of ${names}; got "rmsprop"`);
    expect(inputErrorOf(() => parseExperimentConfig({ training: { optimizer: 'rmsprop' } }, 'config.json'))).toBe(
      `config.json: training.optimizer must be one of ${names}; got "rmsprop"`,
    );
  });
});
