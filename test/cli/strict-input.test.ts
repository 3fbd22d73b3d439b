import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descentIn, scratch } from './run';

/** Exit 2 with exactly `message` on stderr (after "descent: "), nothing on stdout, no stack trace. */
function expectRefused(dir: string, args: string[], message: string | RegExp): void {
  const result = descentIn(dir, ...args);
  expect(result.code, result.stderr).toBe(2);
  if (typeof message === 'string') expect(result.stderr.split('\n')[0]).toBe(`descent: ${message}`);
  else expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('values that would break what they produce are refused, naming the row', () => {
  it('a row 1e308,1e308,1 is refused by train and by eval, and no weights are written', () => {
    const dir = scratch({ 'huge.csv': 'x1,x2,label\n1,2,0\n1e308,1e308,1\n-1,0,1\n' });
    expectRefused(dir, ['train', '--data', 'huge.csv', '--backend', 'cpu', '--out', 'w.json'], 'huge.csv line 3: x1 1e308 is outside the allowed range [-1e9, 1e9]');
    expect(existsSync(join(dir, 'w.json'))).toBe(false);
    writeFileSync(join(dir, 'ok.csv'), 'x1,x2,label\n1,2,0\n3,1,1\n-1,0,1\n');
    expect(descentIn(dir, 'train', '--data', 'ok.csv', '--epochs', '1', '--backend', 'cpu', '--out', 'w.json').code).toBe(0);
    expectRefused(dir, ['eval', '--weights', 'w.json', '--data', 'huge.csv', '--backend', 'cpu'], 'huge.csv line 3: x1 1e308 is outside the allowed range [-1e9, 1e9]');
  });

  it('normalisation that is not finite in float32 is refused in a weights file', () => {
    const dir = scratch({ 'ok.csv': 'x1,x2,label\n1,2,0\n3,1,1\n-1,0,1\n' });
    expect(descentIn(dir, 'train', '--data', 'ok.csv', '--epochs', '1', '--backend', 'cpu', '--out', 'w.json').code).toBe(0);
    const weights = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8'));
    weights.normalize.mean[0] = 1e300;
    writeFileSync(join(dir, 'w.json'), JSON.stringify(weights));
    expectRefused(dir, ['eval', '--weights', 'w.json', '--data', 'ok.csv', '--backend', 'cpu'], 'w.json: normalize.mean[0] must be a number within float32 range (about ±3.4e38); got 1e+300');
  });
});

describe('a run without training points is refused', () => {
  it('a split column of only "test"', () => {
    const dir = scratch({ 'tests.csv': 'x1,x2,label,split\n1,2,0,test\n3,1,1,test\n' });
    expectRefused(dir, ['train', '--data', 'tests.csv', '--backend', 'cpu', '--out', 'w.json'], 'tests.csv: no row has split "train" (all 2 are "test"); training needs at least one training point');
    expect(existsSync(join(dir, 'w.json'))).toBe(false);
  });

  it('--train-fraction 1e-9', () => {
    expectRefused(process.cwd(), ['train', '--train-fraction', '1e-9', '--backend', 'cpu'], '--train-fraction 1e-9 leaves none of the 500 points for training; training needs at least one');
  });
});

describe('flags that do not apply, repeat or parse oddly are refused by name', () => {
  const cases: [string, string[], string][] = [
    ['--hidden with --arch resnet', ['train', '--arch', 'resnet', '--hidden', '4,4'], "--hidden only applies to --arch mlp, and this run's architecture is resnet"],
    ['--width with --arch mlp', ['train', '--arch', 'mlp', '--width', '64'], "--width only applies to --arch resnet, and this run's architecture is mlp"],
    ['--blocks with the default mlp', ['train', '--blocks', '3'], "--blocks only applies to --arch resnet, and this run's architecture is mlp"],
    ['a repeated flag', ['train', '--lr', '0.1', '--lr', '0.2'], '--lr is given twice: give each flag once'],
    ['a repeated boolean flag', ['train', '--json', '--json'], '--json is given twice: give each flag once'],
    ['hexadecimal', ['train', '--lr', '0x1'], '--lr must be a number from 0 to 10; got "0x1"'],
    ['binary', ['train', '--points', '0b101'], '--points must be a whole number from 1 to 100000; got "0b101"'],
    ['Infinity', ['train', '--epochs', 'Infinity'], '--epochs must be a whole number from 0 to 1000000; got "Infinity"'],
    ['a negative number after a space', ['train', '--lr', '-1'], '--lr must be a number from 0 to 10; got "-1"'],
    ['a negative number after =', ['train', '--lr=-1'], '--lr must be a number from 0 to 10; got "-1"'],
  ];
  it.each(cases)('%s', (_name, args, message) => expectRefused(process.cwd(), args, message));

  it('a layout flag that matches a config file\'s architecture is accepted', () => {
    const dir = scratch({ 'config.json': '{"model": {"arch": "resnet"}}' });
    expect(descentIn(dir, 'train', '--config', 'config.json', '--width', '4', '--blocks', '1', '--epochs', '1', '--backend', 'cpu').code).toBe(0);
    expectRefused(dir, ['train', '--config', 'config.json', '--hidden', '4'], "--hidden only applies to --arch mlp, and this run's architecture is resnet");
  });
});

describe('smaller things', () => {
  it('CR-only line endings are read', () => {
    const dir = scratch({ 'mac.csv': 'x1,x2,label\r1,2,0\r3,1,1\r-1,0,1\r2,2,0\r' });
    const result = descentIn(dir, 'train', '--data', 'mac.csv', '--epochs', '1', '--backend', 'cpu', '--json');
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.train.points + summary.test.points).toBe(4);
  });

  it('a syntax error nested 200,000 deep keeps its line and column', () => {
    const dir = scratch({ 'data.csv': 'x1,x2,label\n1,1,1\n-1,1,0\n' });
    writeFileSync(join(dir, 'deep.json'), `{"format": "descent.weights", "x":\n${'['.repeat(200_000)}1,}`);
    expectRefused(dir, ['eval', '--weights', 'deep.json', '--data', 'data.csv'], 'deep.json line 2 column 200003: invalid JSON: expected a value, found "}"');
  });

  it('--data /dev/null names the path given', () => {
    expectRefused(process.cwd(), ['train', '--data', '/dev/null'], '/dev/null: the file is empty');
  });

  it('a config with data.preset "custom" and no --data names the config file', () => {
    const dir = scratch({ 'drawn.json': '{"data": {"preset": "custom"}}' });
    expectRefused(dir, ['train', '--config', 'drawn.json'], 'drawn.json: data.preset "custom" means drawn or imported points, which are not in the file; give them with --data FILE.csv');
  });

  it('a missing file is named as given', () => {
    expectRefused(process.cwd(), ['eval', '--weights', 'no/such.json', '--data', 'x.csv'], 'no/such.json: cannot read the file (no such file)');
  });
});
