// dense_forward.wgsl: Z = A·Wᵀ + b, out = σ(Z) with inverted dropout, sum = out + skip.
// Bindings: group(0) 0 Dense (uniform), 1 arena (storage, read_write), 2 params (storage, read);
//           group(1) 0 Pass (uniform, dynamic offset).
// Shapes (row-major): A rows × in at arena[input]; W out × in at params[weight_offset];
//           b out at params[bias_offset]; out, skip, sum rows × out in the arena.
// Workgroup 16 × 16 (matmul_tiles.wgsl); M = rows, N = out, K = in.
// CPU twin: denseForward in src/cpu/kernels.ts.

@group(0) @binding(0) var<uniform> layer: Dense;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(0) @binding(2) var<storage, read> params: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

const A_K_CONTIGUOUS: bool = true;
const B_K_CONTIGUOUS: bool = true;

fn matmul_dims() -> vec3u {
  return vec3u(pass_info.rows, layer.out_width, layer.in_width);
}

fn load_a(m: u32, k: u32) -> f32 {
  return arena[layer.input + m * layer.in_width + k];
}

fn load_b(k: u32, n: u32) -> f32 {
  return params[layer.weight_offset + n * layer.in_width + k];
}

fn epilogue(m: u32, n: u32, c: f32) {
  let index = m * layer.out_width + n;
  var a = activate(layer.activation, c + params[layer.bias_offset + n]);
  let rate = pass_info.dropout_rate;
  if (layer.hidden == 1u && rate > 0.0) {
    // The mask is indexed by the row within the whole minibatch, so chunking a step keeps it.
    let mask_index = (pass_info.first_row + m) * layer.out_width + n;
    let keep = dropout_keep(dropout_layer_key(pass_info.step_seed, layer.layer_index), mask_index, rate);
    a = select(0.0, a * (1.0 / (1.0 - rate)), keep);
  }
  arena[layer.output + index] = a;
  if (layer.has_skip == 1u) {
    arena[layer.sum + index] = a + arena[layer.skip + index];
  }
}
