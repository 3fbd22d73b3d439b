// dense_input_grad.wgsl: G = dZ·W (+ the gradient arriving through a residual skip), kept raw
// when a skip needs it, and turned into the producer's dZ = G ⊙ dropout ⊙ σ'(producer output).
// Bindings: group(0) 0 Dense (uniform), 1 arena (storage, read_write), 2 params (storage, read);
//           group(1) 0 Pass (uniform, dynamic offset).
// Shapes (row-major): dZ rows × out at arena[dz]; W out × in at params[weight_offset];
//           extra_grad, raw_grad, producer_output, producer_dz rows × in in the arena.
// Workgroup 16 × 16 (matmul_tiles.wgsl); M = rows, N = in, K = out.
// CPU twin: denseInputGradient in src/cpu/kernels.ts.

@group(0) @binding(0) var<uniform> layer: Dense;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(0) @binding(2) var<storage, read> params: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

const A_K_CONTIGUOUS: bool = true;
const B_K_CONTIGUOUS: bool = false;

fn matmul_dims() -> vec3u {
  return vec3u(pass_info.rows, layer.in_width, layer.out_width);
}

fn load_a(m: u32, k: u32) -> f32 {
  return arena[layer.dz + m * layer.out_width + k];
}

fn load_b(k: u32, n: u32) -> f32 {
  return params[layer.weight_offset + k * layer.in_width + n];
}

fn epilogue(m: u32, n: u32, c: f32) {
  let index = m * layer.in_width + n;
  var g = c;
  if (layer.has_extra_grad == 1u) {
    g += arena[layer.extra_grad + index];
  }
  if (layer.store_raw_grad == 1u) {
    arena[layer.raw_grad + index] = g;
  }
  var scale = 1.0;
  var keep = true;
  let rate = pass_info.dropout_rate;
  if (rate > 0.0) {
    keep = dropout_keep(dropout_layer_key(pass_info.step_seed, layer.producer_index), (pass_info.first_row + m) * layer.in_width + n, rate);
    scale = 1.0 / (1.0 - rate);
  }
  // The stored output carries the dropout scale; undo it to get σ(z) back.
  let slope = activation_slope(layer.producer_activation, arena[layer.producer_output + index] / scale);
  arena[layer.producer_dz + index] = select(0.0, g * scale * slope, keep);
}
