// dense_weight_grad.wgsl: dW = dZᵀ·A and db = column sums of dZ, written into the gradient buffer
// (added to it for the later chunks of a step, first_row > 0).
// Bindings: group(0) 0 Dense (uniform), 1 arena (storage, read_write), 2 grads (storage, read_write);
//           group(1) 0 Pass (uniform, dynamic offset).
// Shapes (row-major): dZ rows × out at arena[dz]; A rows × in at arena[input];
//           dW out × in at grads[weight_offset]; db out at grads[bias_offset].
// The bias is column `in` of an (in + 1)-wide B whose last column is all ones.
// Workgroup 16 × 16 (matmul_tiles.wgsl); M = out, N = in + 1, K = rows.
// CPU twin: denseWeightGradient in src/cpu/kernels.ts.

@group(0) @binding(0) var<uniform> layer: Dense;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(0) @binding(2) var<storage, read_write> grads: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

const A_K_CONTIGUOUS: bool = false;
const B_K_CONTIGUOUS: bool = false;

fn matmul_dims() -> vec3u {
  return vec3u(layer.out_width, layer.in_width + 1u, pass_info.rows);
}

fn load_a(m: u32, k: u32) -> f32 {
  return arena[layer.dz + k * layer.out_width + m];
}

// A select, not a branch: loads stay uniform across a SIMD group (branches cost as much as the loads on CPU adapters).
fn load_b(k: u32, n: u32) -> f32 {
  let value = arena[layer.input + k * layer.in_width + min(n, layer.in_width - 1u)];
  return select(value, 1.0, n == layer.in_width);
}

// A step cut into chunks adds each later chunk's sums to the first's.
fn epilogue(m: u32, n: u32, c: f32) {
  let index = select(layer.weight_offset + m * layer.in_width + n, layer.bias_offset + m, n == layer.in_width);
  grads[index] = select(c, grads[index] + c, pass_info.first_row > 0u);
}
