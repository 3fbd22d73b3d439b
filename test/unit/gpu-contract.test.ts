import { describe, expect, it } from 'vitest';
import { CODE_LISTS, constantName } from '../../src/gpu/engineCodes';
import { CONSTANTS_PRELUDE, SHADER_FILES } from '../../src/gpu/shaderSources';
import { UNIFORM_STRUCTS } from '../../src/gpu/uniforms';
import type { StructDef, WgslType } from '../../src/gpu/wgslStruct';

/** The contract between the TypeScript lists and structs and the WGSL that uses them. */

const shaders = Object.entries(SHADER_FILES);
const allWgsl = shaders.map(([, source]) => source).join('\n');

/** The source of the WGSL function `name` (its header up to the matching closing brace). */
function wgslFunction(name: string): string {
  const start = allWgsl.indexOf(`fn ${name}(`);
  expect(start, `fn ${name} is declared`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = allWgsl.indexOf('{', start); i < allWgsl.length; i++) {
    if (allWgsl[i] === '{') depth++;
    if (allWgsl[i] === '}' && --depth === 0) return allWgsl.slice(start, i + 1);
  }
  throw new Error(`fn ${name} does not end`);
}

/** The fields of `struct name { … }` as [name, type], comments removed. */
function wgslStructFields(name: string): [string, string][] {
  const match = new RegExp(`struct ${name} \\{([^}]*)\\}`).exec(allWgsl);
  expect(match, `struct ${name} is declared in a shader`).not.toBeNull();
  return match![1]
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').trim())
    .filter((line) => line !== '')
    .map((line) => {
      const field = /^(\w+)\s*:\s*(.+?),?$/.exec(line);
      expect(field, `a field of ${name}: ${line}`).not.toBeNull();
      return [field![1], field![2].replace(/\s+/g, '')];
    });
}

/** A WGSL constant's value from the generated prelude. */
function preludeConstant(name: string): number {
  const match = new RegExp(`const ${name}: u32 = (\\d+)u;`).exec(CONSTANTS_PRELUDE);
  expect(match, `${name} is generated`).not.toBeNull();
  return Number(match![1]);
}

function typeMatches(declared: string, type: WgslType): boolean {
  if (typeof type === 'string') return declared === type;
  const array = /^array<(\w+),(\w+)>$/.exec(declared);
  if (!array) return false;
  const length = /^\d+$/.test(array[2]) ? Number(array[2]) : preludeConstant(array[2]);
  const element = typeof type.array === 'string' ? type.array : type.array.name;
  return array[1] === element && length === type.length;
}

describe('the code lists and the shaders', () => {
  it('give every code its own constant, numbered as the list is', () => {
    for (const [prefix, list] of Object.entries(CODE_LISTS) as [keyof typeof CODE_LISTS, readonly string[]][]) {
      const names = list.map((name) => constantName(prefix, name));
      expect(new Set(names).size, `${prefix} names are distinct`).toBe(list.length);
      names.forEach((name, code) => expect(preludeConstant(name)).toBe(code));
    }
  });

  it.each([
    ['activate', 'ACT'],
    ['activation_slope', 'ACT'],
    ['optimizer_step', 'OPTIMIZER'],
    ['optimizer_state_words', 'OPTIMIZER'],
    ['feature_value', 'FEATURE'],
  ] as const)('%s has a case for every name of its list', (fn, prefix) => {
    const body = wgslFunction(fn);
    const cases = [...body.matchAll(/case ([\w, ]+):/g)].flatMap((m) => m[1].split(',').map((label) => label.trim()));
    const expected = CODE_LISTS[prefix].map((name) => constantName(prefix, name));
    expect(cases.filter((label) => label !== 'default').sort()).toEqual([...expected].sort());
  });

  it('the loss kernels name every task they test for', () => {
    for (const file of ['loss.wgsl', 'fused_mlp.wgsl'] as const) {
      const tested = [...SHADER_FILES[file].matchAll(/\.task [!=]= (\w+)/g)].map((m) => m[1]);
      expect(tested.length, file).toBeGreaterThan(0);
      for (const name of tested) expect(name, file).toMatch(/^TASK_[A-Z]+$/);
    }
  });

  it.each(shaders)('%s spells no code as a number and declares no code of its own', (_, source) => {
    const code = source.replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/case \d+u?\s*[:,]/);
    expect(code).not.toMatch(/\b(task|optimizer|activation|kind|code)\s*[!=]=\s*\d/);
    expect(code).not.toMatch(/const (ACT|OPTIMIZER|TASK|FEATURE)_\w+\s*:/);
  });
});

describe('the uniform structs and the shaders', () => {
  it.each(UNIFORM_STRUCTS.map((def) => [def.name, def] as const))('%s has the shader’s fields, in order, with their types', (name, def: StructDef) => {
    const declared = wgslStructFields(name);
    expect(declared.map(([field]) => field)).toEqual(def.fields.map(([field]) => field));
    def.fields.forEach(([field, type], i) => expect(typeMatches(declared[i][1], type), `${name}.${field}: ${declared[i][1]}`).toBe(true));
  });

  it('describes every uniform struct a shader binds', () => {
    const bound = [...allWgsl.matchAll(/var<uniform> \w+: (\w+);/g)].map((m) => m[1]);
    const described = new Set(UNIFORM_STRUCTS.map((def) => def.name));
    for (const name of bound) expect(described.has(name), name).toBe(true);
  });
});
