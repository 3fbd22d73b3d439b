import { describe, expect, it } from 'vitest';
import type { SweepAxis } from '../../src/core/sweepAxes';
import { decodeCompare, encodeCompare, readAxisValues, splitCompareHash, sweepProblem } from '../../src/io/compareLink';

const problemOf = (text: string): string => {
  const read = decodeCompare(text);
  if (!('problem' in read)) throw new Error(`expected a problem for ${text}`);
  return read.problem;
};

describe('the compare link', () => {
  it('round-trips a sweep of every axis kind', () => {
    const sweeps: SweepAxis[][] = [
      [{ key: 'seed', values: [1, 2, 3, 4] }, { key: 'lr', values: [0.001, 0.003, 0.01, 0.03] }],
      [{ key: 'batch', values: [4, 'all'] }, { key: 'activation', values: ['relu', 'tanh'] }],
      [{ key: 'features', values: [['x1', 'x2'], ['x1', 'x2', 'x1^2', 'sin(x1)']] }],
      [{ key: 'optimizer', values: ['sgd', 'adam'] }, { key: 'dropout', values: [0, 0.5] }],
      [{ key: 'width', values: [2, 64] }, { key: 'depth', values: [0, 3] }],
      [{ key: 'l1', values: [0, 0.01] }, { key: 'l2', values: [0.1] }],
    ];
    for (const axes of sweeps) expect(decodeCompare(encodeCompare(axes))).toEqual({ axes });
  });

  it('writes the short form the docs show', () => {
    expect(encodeCompare([{ key: 'seed', values: [1, 2, 3, 4] }, { key: 'lr', values: [0.001, 0.01] }])).toBe('seed:1,2,3,4;lr:0.001,0.01');
  });

  it('names the compare control and the value for damaged values', () => {
    expect(problemOf('lr:0.001,12')).toBe('Compare: Learning rate must be a number from 0 to 10; got 12');
    expect(problemOf('seed:1,x')).toMatch(/^Compare: Training seed must be a whole number from 0 to 4294967295; got "x"$/);
    expect(problemOf('activation:relu,swish')).toMatch(/^Compare: Activation must be one of linear, relu, .*; got "swish"$/);
    expect(problemOf('speed:1,2')).toBe('Compare: "speed" is not a setting a sweep can vary; use one of seed, lr, batch, width, depth, activation, optimizer, l1, l2, dropout, features');
    expect(problemOf('lr')).toBe('Compare: Learning rate: no values (write lr:value,value…)');
    expect(problemOf('lr:')).toBe('Compare: Learning rate: give at least one value');
    expect(problemOf('lr:0.1,,0.2')).toBe('Compare: Learning rate: a value is empty (two commas in a row?)');
    expect(problemOf('lr:0.1,0.1')).toBe('Compare: Learning rate: 0.1 is given twice');
    expect(problemOf('lr:0.1;lr:0.2')).toBe('Compare: Learning rate: chosen twice');
    expect(problemOf('seed:1;lr:0.1;batch:4')).toBe('Compare: at most 2 settings vary at once; got 3');
    expect(problemOf('seed:1,2,3,4,5;lr:0.001,0.003,0.01,0.03')).toBe('Compare: 5 × 4 = 20 runs; at most 16 train at once');
  });

  it('reads the values typed in the compare view, with spaces', () => {
    expect(readAxisValues('lr', '0.001, 0.01 ,0.1')).toEqual({ values: [0.001, 0.01, 0.1] });
    expect(readAxisValues('batch', '8, all')).toEqual({ values: [8, 'all'] });
    expect(readAxisValues('features', 'x1+x2, x1+x2+r')).toEqual({ values: [['x1', 'x2'], ['x1', 'x2', 'r']] });
  });

  it('needs at least one axis', () => {
    expect(sweepProblem([])).toBe('Compare: choose at least one setting to vary');
  });

  it('is taken out of a hash, leaving the rest for the page', () => {
    expect(splitCompareHash('#dataset=xor&compare=seed:1,2&lr=0.1')).toEqual({ rest: 'dataset=xor&lr=0.1', compare: 'seed:1,2' });
    expect(splitCompareHash('#dataset=xor')).toEqual({ rest: 'dataset=xor', compare: null });
  });
});
