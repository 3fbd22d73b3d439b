import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng';
import { float32Text } from '../../src/io/float32Text';
import { JsonPath } from '../../src/io/jsonPath';
import { describeValue } from '../../src/io/jsonRead';
import { findJsonSyntaxError } from '../../src/io/jsonSyntax';
import { parseJsonText } from '../../src/io/jsonText';
import { RawJson, prettyJson } from '../../src/io/prettyJson';
import { inputErrorOf } from './expectations';

describe('float32Text', () => {
  it('writes the shortest decimal of the float32, integers plainly', () => {
    expect(float32Text(Math.fround(0.1))).toBe('0.1');
    expect(float32Text(0.1)).toBe('0.1');
    expect(float32Text(1 / 3)).toBe('0.33333334');
    expect(float32Text(100)).toBe('100');
    expect(float32Text(16777216)).toBe('16777216');
    expect(float32Text(-7)).toBe('-7');
    expect(float32Text(0)).toBe('0');
    expect(float32Text(-0)).toBe('-0');
    expect(float32Text(1e-7)).toBe('1e-7');
    expect(float32Text(3.4028234663852886e38)).toBe('3.4028235e+38');
    expect(float32Text(1.401298464324817e-45)).toBe('1e-45');
  });

  it('always rounds back to the same float32, with no shorter decimal that would', () => {
    const rng = createRng(7);
    const values = new Float32Array(20_000);
    const bits = new Uint32Array(values.buffer);
    for (let i = 0; i < bits.length; i++) bits[i] = rng.int(0x7f800000) | (rng.int(2) << 31);
    for (const value of values) {
      const text = float32Text(value);
      expect(Object.is(Math.fround(Number(text)), value)).toBe(true);
      const digits = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
      if (digits > 1) expect(Math.fround(Number(value.toPrecision(digits - 1)))).not.toBe(value);
    }
  });
});

describe('prettyJson', () => {
  it('indents objects, keeps arrays of plain values on one line, and leaves out undefined fields', () => {
    const value = { a: [1, 'two', null, true], b: { c: [] as number[], d: {} }, e: [[1, 2], [3]], skipped: undefined, raw: new RawJson('1e-7') };
    expect(prettyJson(value)).toBe(
      '{\n  "a": [1, "two", null, true],\n  "b": {\n    "c": [],\n    "d": {}\n  },\n  "e": [\n    [1, 2],\n    [3]\n  ],\n  "raw": 1e-7\n}\n',
    );
  });

  it('writes doubles exactly, −0 as -0 and non-finite numbers as null like JSON.stringify', () => {
    expect(prettyJson([0.1 + 0.2, -0, NaN, Infinity, 5e-324])).toBe('[0.30000000000000004, -0, null, null, 5e-324]\n');
  });
});

describe('parseJsonText', () => {
  it('parses JSON, also after a byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a": [1]}')).toEqual({ a: [1] });
  });

  it('locates syntax errors by line and column, with or without a source', () => {
    expect(inputErrorOf(() => parseJsonText('{\n  "a": 1,\n  "b": tru\n}', 'x.json'))).toBe('x.json line 3 column 8: invalid JSON: expected a value, found "tru"');
    expect(inputErrorOf(() => parseJsonText('{"a": 1,}'))).toBe('line 1 column 9: invalid JSON: expected a field name in double quotes, found "}"');
  });

  it('says when the file is empty', () => {
    expect(inputErrorOf(() => parseJsonText('', 'x.json'))).toBe('x.json: the file is empty');
  });
});

describe('findJsonSyntaxError', () => {
  const cases: [string, number, string][] = [
    ['[1, 2,]', 6, 'expected a value, found "]"'],
    ['[1 2]', 3, 'expected "," or "]", found "2"'],
    ['{"a" 1}', 5, 'expected ":" after the field name, found "1"'],
    ["{'a': 1}", 1, 'expected a field name in double quotes, found "\'"'],
    ['{"a": 1 "b": 2}', 8, 'expected "," or "}", found "\\""'],
    ['{"a": [1, 2}', 11, 'expected "," or "]", found "}"'],
    ['[NaN]', 1, 'expected a value, found "NaN"'],
    ['[-Infinity]', 1, 'invalid number "-Infinity"'],
    ['[01]', 1, 'invalid number "01"'],
    ['[1.]', 1, 'invalid number "1."'],
    ['["abc', 1, 'unterminated string'],
    ['["a\tb"]', 3, 'control character in a string (write \\n, \\t, …)'],
    ['["\\x"]', 2, 'invalid escape sequence in a string'],
    ['{"a": 1} x', 9, 'unexpected "x" after the end of the JSON value'],
    ['[1,', 3, 'expected a value, found the end of the text'],
  ];
  for (const [text, offset, problem] of cases) {
    it(`${text} → ${problem}`, () => {
      expect(() => JSON.parse(text)).toThrow();
      expect(findJsonSyntaxError(text)).toEqual({ offset, problem });
    });
  }

  it('finds nothing wrong in valid JSON', () => {
    const texts = ['0', '-0.5e+10', '"\\u00e9\\n"', ' [ ] ', '{}', '{"a": [true, false, null, {"b": -1E-3}], "": ""}', prettyJson({ x: [[1, 2]], y: 'z' })];
    for (const text of texts) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });
});

describe('JsonPath and describeValue', () => {
  it('build paths with fields, indices and quoted odd names', () => {
    const path = new JsonPath('f.json').field('layers').item(2).field('weight').item(3);
    expect(path.path).toBe('layers[2].weight[3]');
    expect(new JsonPath().field('metrics').field('test loss').path).toBe('metrics["test loss"]');
    expect(path.error('bad').message).toBe('f.json: layers[2].weight[3]: bad');
    expect(new JsonPath('f.json').error('bad').message).toBe('f.json: bad');
  });

  it('describe values briefly', () => {
    expect([undefined, null, 'x', Number('1e999'), -0.5, false, [1], {}].map(describeValue)).toEqual(['nothing', 'null', '"x"', 'Infinity', '-0.5', 'false', 'an array', 'an object']);
    expect(describeValue('a'.repeat(100))).toBe(`"${'a'.repeat(37)}…"`);
  });
});
