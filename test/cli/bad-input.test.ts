import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { descentIn, descentJson, scratch } from './run';

/** Exit 2, the exact message on stderr, and no stack trace; run in `cwd` (files named as a user there would name them). */
function expectRejected(args: string[], message: string | RegExp, cwd = process.cwd()): void {
  const result = descentIn(cwd, ...args);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(typeof message === 'string' ? new RegExp(`^descent: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm') : message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stdout).toBe('');
}

describe('bad CSV files', () => {
  const cases: [string, string, string][] = [
    ['missing columns', 'x1,label\n1,0\n', 'data.csv line 1: missing column "x2" (header must contain x1,x2,label)'],
    ['text in numbers', 'x1,x2,label\n1,2,0\n3,abc,1\n', 'data.csv line 3: x2 "abc" is not a number'],
    ['NaN', 'x1,x2,label\n1,2,0\nNaN,1,1\n', 'data.csv line 3: x1 NaN is not a finite number'],
    ['an empty file', '', 'data.csv: the file is empty'],
    ['one class only', 'x1,x2,label\n1,2,0\n3,4,0\n', 'data.csv: label: every point has label 0; whole-number labels are classes, and classification needs at least 2 of them'],
    ['a short row', 'x1,x2,label\n1,2,0\n3,4\n', 'data.csv line 3 must have 3 cells (one per column); got 2'],
  ];
  it.each(cases)('%s', (_name, text, message) => {
    const dir = scratch({ 'data.csv': text });
    expectRejected(['train', '--data', 'data.csv'], message, dir);
  });
});

describe('bad weights files', () => {
  let valid: Record<string, unknown> & { layers: Record<string, unknown>[] };
  let dir: string;
  beforeAll(() => {
    dir = scratch({ 'data.csv': 'x1,x2,label\n1,1,1\n-1,1,0\n' });
    descentJson('train', '--preset', 'xor', '--hidden', '4', '--epochs', '1', '--out', join(dir, 'valid.json'), '--backend', 'cpu');
    valid = JSON.parse(readFileSync(join(dir, 'valid.json'), 'utf8'));
  });

  function rejectWeights(edit: (file: typeof valid) => void, message: string | RegExp): void {
    const file = structuredClone(valid);
    edit(file);
    writeFileSync(join(dir, 'model.json'), JSON.stringify(file));
    expectRejected(['eval', '--weights', 'model.json', '--data', 'data.csv'], message, dir);
  }

  it('a wrong number of weight rows', () => rejectWeights((f) => (f.layers[0].weight as number[][]).pop(), 'model.json: layers[0].weight must be an array of 4 rows; got 3 rows'));
  it('a wrong number of weight columns', () => rejectWeights((f) => (f.layers[1].weight as number[][])[0].push(1), 'model.json: layers[1].weight[0] must be an array of 4 numbers; got 5 numbers'));
  it('a newer version', () => rejectWeights((f) => (f.version = 2), 'model.json: version 2 is newer than this Descent understands (1)'));
  it('an unknown activation', () => rejectWeights((f) => (f.layers[0].activation = 'swish'), /^descent: model\.json: layers\[0\]\.activation must be one of .*; got "swish"$/m));
  it('a non-finite number', () => rejectWeights((f) => ((f.layers[0].bias as (number | null)[])[2] = null), 'model.json: layers[0].bias[2] must be a finite number; got null'));
  it('a file that is not JSON', () => {
    writeFileSync(join(dir, 'model.json'), '{ "format": "descent.weights", ');
    const result = descentIn(dir, 'eval', '--weights', 'model.json', '--data', 'data.csv');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^descent: model\.json line 1 column \d+: /m);
  });
  it('a model that does not fit the data', () => {
    writeFileSync(join(dir, 'three.csv'), 'x1,x2,label\n1,1,2\n-1,1,0\n');
    expectRejected(['eval', '--weights', 'valid.json', '--data', 'three.csv'], 'three.csv: the data has labels up to 2, but the model does 2-class classification', dir);
  });
  it('a missing file', () => expectRejected(['eval', '--weights', join(dir, 'nope.json'), '--data', join(dir, 'data.csv')], /^descent: .*nope\.json: cannot read the file \(no such file\)/m));
});

describe('bad flags', () => {
  const cases: [string, string[], string | RegExp][] = [
    ['an unknown flag', ['train', '--bogus', '1'], "unknown flag '--bogus'"],
    ['text for a number', ['train', '--lr', 'fast'], '--lr must be a number from 0 to 10; got "fast"'],
    ['a number out of range', ['train', '--dropout', '1'], '--dropout must be a number from 0 up to (not including) 1; got "1"'],
    ['a fraction for a count', ['train', '--epochs', '2.5'], '--epochs must be a whole number from 0 to 1000000; got "2.5"'],
    ['an unknown preset', ['train', '--preset', 'swirl'], /^descent: --preset must be one of circle, xor, .*; got "swirl"$/m],
    ['an unknown activation', ['train', '--activation', 'swish'], /^descent: --activation must be one of linear, relu, .*; got "swish"$/m],
    ['an unknown feature', ['train', '--features', 'x1,x3'], /^descent: --features must be one of x1, x2, .*; got "x3"$/m],
    ['a bad hidden list', ['train', '--hidden', '8,,8'], '--hidden must be a comma-separated list; got "8,,8"'],
    ['too wide a layer', ['train', '--hidden', '2000'], '--hidden must be a whole number from 1 to 1024; got "2000"'],
    ['an unknown backend', ['train', '--backend', 'tpu'], '--backend must be one of auto, webgpu, cpu; got "tpu"'],
    ['epochs and steps together', ['train', '--epochs', '1', '--steps', '5'], '--epochs and --steps cannot be combined: choose one'],
    ['a flag without its value', ['train', '--lr'], "Option '--lr <value>' argument missing"],
    ['eval without weights', ['eval', '--data', 'x.csv'], 'eval needs --weights FILE.json'],
    ['an unknown command', ['fit'], 'unknown command "fit" (use train, eval, predict or bench)'],
  ];
  it.each(cases)('%s', (_name, args, message) => expectRejected(args, message));
});
