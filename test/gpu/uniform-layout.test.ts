import { beforeAll, describe, expect, it } from 'vitest';
import type { GpuDevice } from '../../src/gpu/device';
import { FUSED_STRUCT, UNIFORM_STRUCTS } from '../../src/gpu/uniforms';
import { packStruct, structLayout, type StructDef, type StructValues, type WgslType } from '../../src/gpu/wgslStruct';
import { testGpu } from './setup';

/**
 * Every described uniform struct, packed on the host and read field by field by a kernel: the
 * adapter must see each field where the host wrote it. (Dawn lifts the uniform address space's
 * 16-byte alignment of arrays, so a table placed after an odd number of words was read 4 bytes
 * early while the host padded it: the fused kernels' layer table at byte 64 once gave wrong numbers.)
 */

const SCALARS_PER: Record<string, number> = { u32: 1, f32: 1, vec2f: 2, vec4u: 4, vec4f: 4 };

/** WGSL declarations of `def` and the structs it contains, innermost first. */
function declarations(def: StructDef, seen = new Set<string>()): string {
  let text = '';
  const typeName = (type: WgslType): string => {
    if (typeof type === 'string') return type;
    if (typeof type.array !== 'string') {
      if (!seen.has(type.array.name)) text += declarations(type.array, seen);
      return `array<${type.array.name}, ${type.length}>`;
    }
    return `array<${type.array}, ${type.length}>`;
  };
  const fields = def.fields.map(([name, type]) => `  ${name}: ${typeName(type)},`).join('\n');
  seen.add(def.name);
  return `${text}struct ${def.name} {\n${fields}\n}\n`;
}

/** The kernel's reads of every scalar of `def` through `path`, in order, with the value the host writes there. */
function reads(def: StructDef, path: string, next: { value: number }): { expressions: string[]; values: StructValues; bits: number[] } {
  const expressions: string[] = [];
  const bits: number[] = [];
  const values: Record<string, StructValues[keyof StructValues]> = {};
  const scalar = (expression: string, kind: 'u32' | 'f32'): number => {
    const value = kind === 'u32' ? next.value : next.value + 0.25;
    next.value++;
    expressions.push(kind === 'u32' ? expression : `bitcast<u32>(${expression})`);
    bits.push(kind === 'u32' ? value : new Uint32Array(Float32Array.of(value).buffer)[0]);
    return value;
  };
  const kindOf = (type: string): 'u32' | 'f32' => (type === 'u32' || type === 'vec4u' ? 'u32' : 'f32');
  const components = ['x', 'y', 'z', 'w'];
  for (const [name, type] of def.fields) {
    const at = `${path}.${name}`;
    if (typeof type === 'string') {
      const count = SCALARS_PER[type];
      const scalars = Array.from({ length: count }, (_, c) => scalar(count === 1 ? at : `${at}.${components[c]}`, kindOf(type)));
      values[name] = count === 1 ? scalars[0] : scalars;
    } else if (typeof type.array === 'string') {
      const element = type.array;
      values[name] = Array.from({ length: type.length * SCALARS_PER[element] }, (_, j) => scalar(`${at}[${Math.floor(j / SCALARS_PER[element])}].${components[j % SCALARS_PER[element]]}`, kindOf(element)));
    } else {
      const element = type.array;
      values[name] = Array.from({ length: type.length }, (_, i) => {
        const inner = reads(element, `${at}[${i}]`, next);
        expressions.push(...inner.expressions);
        bits.push(...inner.bits);
        return inner.values;
      });
    }
  }
  return { expressions, values, bits };
}

describe('the uniform structs as a kernel reads them', () => {
  let gpu: GpuDevice;
  beforeAll(async () => {
    gpu = await testGpu();
  });

  it.each(UNIFORM_STRUCTS.map((def) => [def.name, def] as const))('%s: every field where the host wrote it', async (_, def) => {
    const device = gpu.device;
    const { expressions, values, bits } = reads(def, 'input', { value: 1 });
    const code = `${declarations(def)}
@group(0) @binding(0) var<uniform> input: ${def.name};
@group(0) @binding(1) var<storage, read_write> output: array<u32>;
@compute @workgroup_size(1)
fn main() {
${expressions.map((expression, i) => `  output[${i}] = ${expression};`).join('\n')}
}`;
    const module = device.createShaderModule({ code });
    const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module, entryPoint: 'main' } });
    const data = packStruct(def, values);
    expect(data.byteLength).toBe(structLayout(def).size);
    const uniform = device.createBuffer({ size: data.byteLength, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(uniform, 0, data);
    const bytes = 4 * bits.length;
    const output = device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const staging = device.createBuffer({ size: bytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: uniform } }, { binding: 1, resource: { buffer: output } }] }));
    pass.dispatchWorkgroups(1);
    pass.end();
    encoder.copyBufferToBuffer(output, 0, staging, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const read = Array.from(new Uint32Array(staging.getMappedRange().slice(0)));
    staging.unmap();
    for (const buffer of [uniform, output, staging]) buffer.destroy();
    expect(read).toEqual(bits);
  });

  it('refuses a description whose array breaks the uniform address space’s alignment, so that no adapter reads it elsewhere', () => {
    const [, layers] = FUSED_STRUCT.fields[FUSED_STRUCT.fields.length - 1];
    const unpadded: StructDef = { name: 'Unpadded', fields: [['count', 'u32'], ['layers', layers]] };
    expect(() => structLayout(unpadded)).toThrow('Unpadded.layers is an array at byte 4; in a uniform buffer it must start at a multiple of 16 (add padding fields before it)');
  });
});
