import { describe, expect, it } from 'vitest';
import { PRESET_NAMES } from '../../src/data/presets/registry';
import type { Dataset } from '../../src/core/dataset';
import { datasetToCsv, parseDatasetCsv, type CsvOptions } from '../../src/data/csv';
import { addPoints, emptyDataset } from '../../src/data/draw';
import { generateDataset } from '../../src/data/presets';
import { assignSplit } from '../../src/data/split';
import { bitsOf, inputErrorOf } from './expectations';

const parse = (text: string, options: CsvOptions = {}): Dataset => parseDatasetCsv(text, { source: 'data.csv', ...options });
const errorOf = (text: string, options: CsvOptions = {}): string => inputErrorOf(() => parse(text, options));

describe('datasetToCsv', () => {
  it('writes the header, one \\n-terminated row per point and the split', () => {
    const dataset = addPoints(addPoints(emptyDataset({ kind: 'classification', classes: 2 }), [[0.1, -2]], 1), [[3, 1e-7]], 0, true);
    expect(datasetToCsv(dataset)).toBe('x1,x2,label,split\n0.1,-2,1,train\n3,1e-7,0,test\n');
  });

  it('writes an empty dataset as the header alone', () => {
    expect(datasetToCsv(emptyDataset({ kind: 'regression' }))).toBe('x1,x2,label,split\n');
  });
});

describe('CSV round trips', () => {
  for (const preset of PRESET_NAMES) {
    for (const classes of preset === 'spiral' || preset === 'rings' || preset === 'blobs' ? [2, 4, 6] : [2]) {
      it(`${preset} (${classes} classes): parse(toCsv(d)) equals d bit for bit`, () => {
        const dataset = generateDataset({ preset, points: 400, noise: 0.3, classes, seed: 11, trainFraction: 0.7 });
        const back = parse(datasetToCsv(dataset));
        expect(back.task).toEqual(dataset.task);
        expect(bitsOf(back.points)).toBe(bitsOf(dataset.points));
        expect(bitsOf(back.labels)).toBe(bitsOf(dataset.labels));
        expect(back.isTest).toEqual(dataset.isTest);
      });
    }
  }

  it('keeps −0, tiny, large and long numbers exactly', () => {
    const values = [-0, 5e-324, -999999999.9999999, 0.1 + 0.2, -1 / 3, 123456789.12345679];
    const dataset = addPoints(emptyDataset({ kind: 'regression' }), values.map((v) => [v, -v] as [number, number]), Math.PI);
    const back = parse(datasetToCsv(dataset));
    expect(bitsOf(back.points)).toBe(bitsOf(dataset.points));
    expect(Object.is(back.points[0], -0)).toBe(true);
    expect(Object.is(back.points[1], 0)).toBe(true);
  });

  it('a canonical file survives CSV → dataset → CSV unchanged', () => {
    const text = 'x1,x2,label,split\n-5.5,0.25,2,train\n1e-9,3,0,test\n4,-0,1,train\n';
    expect(datasetToCsv(parse(text))).toBe(text);
  });
});

describe('parseDatasetCsv: what it accepts', () => {
  it('columns in any order, extra columns ignored, any case, whitespace, BOM, \\r\\n and trailing blank lines', () => {
    const text = '\uFEFF Label , prob ,X2,x1, SPLIT\r\n 1 ,0.9, 2.5 ,-1, Test\r\n0,0.2,3,4,train\r\n\r\n  \r\n';
    const dataset = parse(text);
    expect(dataset.task).toEqual({ kind: 'classification', classes: 2 });
    expect(Array.from(dataset.points)).toEqual([-1, 2.5, 4, 3]);
    expect(Array.from(dataset.labels)).toEqual([1, 0]);
    expect(Array.from(dataset.isTest)).toEqual([1, 0]);
  });

  it('reads whole-number labels as classes, renumbered 0…k−1 in order when they are not already, and says so', () => {
    const said: string[] = [];
    const indices = parse('x1,x2,label\n0,0,0\n1,1,1\n2,2,2\n', { onTaskDecided: (text) => said.push(text) });
    expect(indices.task).toEqual({ kind: 'classification', classes: 3 });
    expect(Array.from(indices.labels)).toEqual([0, 1, 2]);
    // Labels 0 and 6, or -1 and 1, are two classes, not a regression target.
    for (const [a, b] of [
      [0, 6],
      [-1, 1],
      [0, 4],
    ]) {
      const data = parse(`x1,x2,label\n0,0,${a}\n1,1,${b}\n2,2,${a}\n`, { onTaskDecided: (text) => said.push(text) });
      expect(data.task).toEqual({ kind: 'classification', classes: 2 });
      expect(Array.from(data.labels)).toEqual([0, 1, 0]);
    }
    expect(said[0]).toBe('3-class classification, because the labels are the whole numbers 0…2');
    expect(said[1]).toMatch(/^2-class classification, because the labels are whole numbers; renumbered 0 → class 0, 6 → class 1$/);
  });

  it('reads labels that are not whole numbers, or more distinct whole numbers than classes, as regression', () => {
    expect(parse('x1,x2,label\n0,0,0.5\n1,1,1\n').task).toEqual({ kind: 'regression' });
    expect(parse(`x1,x2,label\n${Array.from({ length: 7 }, (_, i) => `${i},0,${i}`).join('\n')}\n`).task).toEqual({ kind: 'regression' });
  });

  it('refuses whole-number labels that are all the same, naming the file', () => {
    expect(() => parse('x1,x2,label\n0,0,3\n1,1,3\n')).toThrow(/every point has label 3; whole-number labels are classes, and classification needs at least 2 of them/);
  });

  it('follows an explicit task', () => {
    expect(parse('x1,x2,label\n0,0,0\n1,1,1\n', { task: 'regression' }).task).toEqual({ kind: 'regression' });
    expect(parse('x1,x2,label\n0,0,2\n1,1,0\n', { task: 'classification' }).task).toEqual({ kind: 'classification', classes: 3 });
  });

  it('without a split column, assigns one with assignSplit (0.7 and seed 1 unless given)', () => {
    const rows = Array.from({ length: 50 }, (_, i) => `${i / 10},${-i / 10},${i % 2}`).join('\n');
    const text = `x1,x2,label\n${rows}\n`;
    expect(parse(text).isTest).toEqual(assignSplit(50, 0.7, 1));
    expect(parse(text, { trainFraction: 0.5, seed: 9 }).isTest).toEqual(assignSplit(50, 0.5, 9));
    expect(parse(text, { trainFraction: 1 }).isTest.every((flag) => flag === 0)).toBe(true);
  });

  it('accepts points outside the plane as long as they are finite', () => {
    expect(Array.from(parse('x1,x2,label\n100,-7.5,0.3\n').points)).toEqual([100, -7.5]);
  });

  it('names no file when no source is given', () => {
    expect(inputErrorOf(() => parseDatasetCsv('x1,x2,label\n0,0,2.5\n1,1,1\n', { task: 'classification' }))).toBe('line 2: label 2.5 is not a class index (0…5)');
    expect(inputErrorOf(() => parseDatasetCsv(''))).toBe('the file is empty');
  });
});

describe('parseDatasetCsv: precise errors', () => {
  const cases: [string, string, object, string][] = [
    ['an empty file', '', {}, 'data.csv: the file is empty'],
    ['a file of blank lines and a BOM', '\uFEFF\n  \r\n', {}, 'data.csv: the file is empty'],
    ['a missing column', 'x1,x2,lbl\n0,0,1\n', {}, 'data.csv line 1: missing column "label" (header must contain x1,x2,label)'],
    ['two missing columns', 'x1\n0\n', {}, 'data.csv line 1: missing columns "x2", "label" (header must contain x1,x2,label)'],
    ['a repeated column', 'x1,x2,label,x1\n0,0,1,0\n', {}, 'data.csv line 1: column "x1" appears twice'],
    ['a header alone', 'x1,x2,label\n\n', {}, 'data.csv: no data rows'],
    ['a short row', 'x1,x2,label\n0,0,1\n1,1,0\n2,2,1\n3,3,0\n4,4,1\n5,5\n', {}, 'data.csv line 7 must have 3 cells (one per column); got 2'],
    ['a word for a number', 'x1,x2,label\n0,0,1\n1,1,0\n2,abc,1\n', {}, 'data.csv line 4: x2 "abc" is not a number'],
    ['a hex number', 'x1,x2,label\n0x10,0,1\n', {}, 'data.csv line 2: x1 "0x10" is not a number'],
    ['an empty cell', 'x1,x2,label\n,0,1\n', {}, 'data.csv line 2: x1 is empty'],
    ['a NaN label', 'x1,x2,label\n0,0,1\n1,1,0\n2,2,1\n3,3,NaN\n', {}, 'data.csv line 5: label NaN is not a finite number'],
    ['an infinite coordinate', 'x1,x2,label\n-Infinity,0,1\n', {}, 'data.csv line 2: x1 -Infinity is not a finite number'],
    ['an overflowing number', 'x1,x2,label\n1e999,0,1\n', {}, 'data.csv line 2: x1 1e999 is not a finite number'],
    ['a number past float32 features', 'x1,x2,label\n1,2,0\n0,1e308,1\n', {}, 'data.csv line 3: x2 1e308 is outside the allowed range [-1e9, 1e9]'],
    ['hexadecimal', 'x1,x2,label\n0x10,0,1\n', {}, 'data.csv line 2: x1 "0x10" is not a number'],
    ['a bad split', 'x1,x2,label,split\n0,0,0,train\n1,1,1,test\n2,2,0,train\n3,3,1,train\n4,4,0,test\n5,5,1,train\n6,6,0,train\n7,7,1,val\n', {}, 'data.csv line 9: split "val" must be train or test'],
    ['one class only', 'x1,x2,label\n0,0,0\n1,1,0\n', { task: 'classification' }, 'data.csv: all points have label 0; classification needs at least 2 classes'],
    ['a fractional class', 'x1,x2,label\n0,0,1\n1,1,2.5\n', { task: 'classification' }, 'data.csv line 3: label 2.5 is not a class index (0…5)'],
    ['a class too large', 'x1,x2,label\n0,0,1\n1,1,6\n', { task: 'classification' }, 'data.csv line 3: label 6 is not a class index (0…5)'],
    ['a bad train fraction', 'x1,x2,label\n0,0,1\n1,1,0\n', { trainFraction: 0 }, 'Training data fraction must be a number greater than 0 and at most 1; got 0'],
    ['an unknown task', 'x1,x2,label\n0,0,1\n', { task: 'ranking' }, 'task must be classification or regression; got "ranking"'],
  ];
  for (const [name, text, options, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(errorOf(text, options)).toBe(message);
    });
  }

  it('counts lines from the top of the file, blank lines included', () => {
    expect(errorOf('\nx1,x2,label\n\n0,0,zero\n')).toBe('data.csv line 4: label "zero" is not a number');
    expect(errorOf('\nx1,x2\n0,0\n')).toBe('data.csv line 2: missing column "label" (header must contain x1,x2,label)');
  });

  it('rejects more than 100000 rows', () => {
    const text = `x1,x2,label\n${'0,0,0.5\n'.repeat(100_001)}`;
    expect(errorOf(text)).toBe('data.csv line 100002: more than 100000 data rows (the limit); reading stopped');
  });
});
