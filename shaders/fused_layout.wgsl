// fused_layout.wgsl: the layout of a small MLP as the fused kernels see it (fused_mlp.wgsl trains
// it, fused_forward.wgsl evaluates it); described once in src/gpu/uniforms.ts (FUSED_STRUCT).

// One dense layer; arena offsets count f32 elements.
struct FusedLayer {
  in_width: u32,
  out_width: u32,
  weight_offset: u32,   // W, out × in row-major, in params
  bias_offset: u32,     // b, out, in params
  activation: u32,      // ACT_*; hidden layers only
  output: u32,          // arena: σ(Z) after dropout, rows × out (hidden layers)
  dz: u32,              // arena: ∂loss/∂Z, rows × out
  _pad: u32,
}

// The layout every run of the group shares. The padding puts the layer table at byte 64, as the
// uniform address space asks of arrays (src/gpu/wgslStruct.ts): without it Dawn, which lifts that
// constraint, would read the table from byte 60.
struct Fused {
  layer_count: u32,
  feature_width: u32,
  task: u32,            // TASK_*
  outputs: u32,
  parameter_count: u32,
  weight_count: u32,    // weights occupy [0, weight_count); biases follow
  steps: u32,           // steps in this call
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  partials: u32,        // arena: THREADS partial loss sums
  backup: u32,          // arena: the parameters at the start of the call
  features: u32,        // arena: a copy of the training split's features, n × feature_width
  labels: u32,          // arena: a copy of its labels, n
  arena_stride: u32,    // floats of arena per run: run r's regions start at r · arena_stride
  _pad0: u32,
  layers: array<FusedLayer, FUSED_MAX_LAYERS>,
}
