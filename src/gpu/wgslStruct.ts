/**
 * WGSL uniform structs described once in TypeScript: each field's name (as the shader spells it)
 * and type, from which byte offsets and sizes follow by WGSL's layout rules.
 * `test/unit/gpu-contract.test.ts` checks every description against the struct the shader
 * declares, field for field.
 *
 * WGSL lays out every struct the same way in every address space (each member at the next
 * multiple of its own alignment); the uniform address space only adds *constraints* that a shader
 * must meet (arrays and structs at 16-byte offsets, array strides a multiple of 16), and an
 * implementation with the `uniform_buffer_standard_layout` language feature (Dawn's) drops even
 * those. So the layout here is never padded to meet them: a description that breaks one is
 * refused, and gets its padding as explicit fields, which every implementation then reads alike.
 */

export type WgslScalar = 'u32' | 'f32';
export type WgslVector = 'vec2f' | 'vec4u' | 'vec4f';
export type WgslType = WgslScalar | WgslVector | { array: WgslVector | StructDef; length: number };

export interface StructDef {
  /** The struct's name in WGSL. */
  name: string;
  fields: readonly (readonly [name: string, type: WgslType])[];
}

/** Where a struct's fields sit, in bytes, and its size. */
export interface StructLayout {
  size: number;
  align: number;
  offsets: Record<string, number>;
}

const VECTOR_SIZE: Record<WgslVector, number> = { vec2f: 8, vec4u: 16, vec4f: 16 };

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}

/** Bytes between the elements of an array type. */
function arrayStride(type: { array: WgslVector | StructDef }): number {
  const element = typeof type.array === 'string' ? sizeAndAlign(type.array) : structLayout(type.array);
  return roundUp(element.size, element.align);
}

function sizeAndAlign(type: WgslType): { size: number; align: number } {
  if (type === 'u32' || type === 'f32') return { size: 4, align: 4 };
  if (typeof type === 'string') return { size: VECTOR_SIZE[type], align: VECTOR_SIZE[type] };
  const element = typeof type.array === 'string' ? sizeAndAlign(type.array) : structLayout(type.array);
  return { size: arrayStride(type) * type.length, align: element.align };
}

/** Why `field` of `def` at byte `offset` breaks the uniform address space's constraints, or null. */
function uniformViolation(def: StructDef, field: string, type: WgslType, offset: number): string | null {
  if (typeof type === 'string') return null;
  if (offset % 16 !== 0) return `${def.name}.${field} is an array at byte ${offset}; in a uniform buffer it must start at a multiple of 16 (add padding fields before it)`;
  if (arrayStride(type) % 16 !== 0) return `${def.name}.${field} has elements ${arrayStride(type)} bytes apart; in a uniform buffer they must be a multiple of 16 apart`;
  return null;
}

const layouts = new Map<StructDef, StructLayout>();

/**
 * Byte offsets of `def`'s fields and its size by WGSL's layout rules; throws when the struct
 * breaks a constraint of the uniform address space, so that no implementation reads it otherwise.
 */
export function structLayout(def: StructDef): StructLayout {
  const known = layouts.get(def);
  if (known) return known;
  const offsets: Record<string, number> = {};
  let offset = 0;
  let align = 4;
  for (const [name, type] of def.fields) {
    const field = sizeAndAlign(type);
    offset = roundUp(offset, field.align);
    const violation = uniformViolation(def, name, type, offset);
    if (violation !== null) throw new Error(violation);
    offsets[name] = offset;
    offset += field.size;
    align = Math.max(align, field.align);
  }
  const layout = { size: roundUp(offset, align), align, offsets };
  layouts.set(def, layout);
  return layout;
}

/** A value for one field: a number, the scalars of a vector or of an array of vectors (in order), or the records of an array of structs. */
export type FieldValue = number | readonly number[] | readonly StructValues[];
export type StructValues = Readonly<Record<string, FieldValue>>;

function scalarKind(type: WgslScalar | WgslVector): WgslScalar {
  return type === 'u32' || type === 'vec4u' ? 'u32' : 'f32';
}

function writeScalar(view: DataView, offset: number, kind: WgslScalar, value: number): void {
  if (kind === 'u32') view.setUint32(offset, value, true);
  else view.setFloat32(offset, value, true);
}

/**
 * Writes `values` into `view` at byte `base` by `def`'s layout. A missing field is left as it
 * is (zero in a new buffer); a field `def` does not have is an error, so a renamed field fails loudly.
 */
export function writeStruct(view: DataView, base: number, def: StructDef, values: StructValues): void {
  const layout = structLayout(def);
  const types = new Map(def.fields);
  for (const [name, value] of Object.entries(values)) {
    const type = types.get(name);
    if (type === undefined) throw new Error(`${def.name} has no field ${name}`);
    const offset = base + layout.offsets[name];
    if (typeof type === 'string') {
      const scalars = typeof value === 'number' ? [value] : (value as readonly number[]);
      const kind = scalarKind(type);
      scalars.forEach((scalar, i) => writeScalar(view, offset + 4 * i, kind, scalar));
    } else if (typeof type.array === 'string') {
      // Arrays of vectors hold a flat list of scalars, four to a 16-byte element (vec2f: two to eight bytes).
      const perElement = type.array === 'vec2f' ? 2 : 4;
      const stride = arrayStride(type);
      const kind = scalarKind(type.array);
      (value as readonly number[]).forEach((scalar, j) => writeScalar(view, offset + stride * Math.floor(j / perElement) + 4 * (j % perElement), kind, scalar));
    } else {
      const element = type.array;
      const stride = arrayStride(type);
      (value as readonly StructValues[]).forEach((record, i) => writeStruct(view, offset + stride * i, element, record));
    }
  }
}

/** A new buffer holding one `def` filled from `values`. */
export function packStruct(def: StructDef, values: StructValues): ArrayBuffer {
  const buffer = new ArrayBuffer(structLayout(def).size);
  writeStruct(new DataView(buffer), 0, def, values);
  return buffer;
}
