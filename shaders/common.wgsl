// common.wgsl: definitions every Descent kernel shares; prepended to each kernel module, after
// the constants src/gpu/engineCodes.ts generates from the TypeScript lists (ACT_*, OPTIMIZER_*,
// TASK_*, FEATURE_*): code numbers are never written here by hand.
// CPU twins: src/core/activations.ts (activate, slopeFromOutput), src/core/dropout.ts.

// One step of training (or one chunk of a step too big for the arena), or one chunk of an
// evaluation. Bound at group(1) with a dynamic offset.
struct Pass {
  rows: u32,            // rows in this minibatch or chunk
  index_offset: u32,    // gather: first entry of this chunk in the index buffer
  step_seed: u32,       // dropout stream of this step
  result_slot: u32,     // loss: where this step's mean loss goes; metrics: which partial sums
  step_size: f32,       // optimizer: lr, or lr / (1 − β₁ᵗ) for Adam
  inv_sqrt_bc2: f32,    // optimizer: 1 / sqrt(1 − β₂ᵗ) for Adam, else 1
  dropout_rate: f32,    // 0 when evaluating
  first_row: u32,       // first row of this chunk within the whole minibatch or set (0: the first chunk)
  batch_rows: u32,      // training: rows of the whole minibatch (the loss is their mean)
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

// One dense layer: where its numbers live in the parameter buffer and its slots in the arena.
// All offsets count f32 elements.
struct Dense {
  in_width: u32,
  out_width: u32,
  weight_offset: u32,   // W, out × in row-major, in the parameter buffer
  bias_offset: u32,     // b, out, in the parameter buffer
  activation: u32,      // ACT_*: index into HIDDEN_ACTIVATIONS
  layer_index: u32,     // keys this layer's dropout mask
  input: u32,           // arena: A, rows × in
  output: u32,          // arena: σ(Z) after dropout, rows × out
  skip: u32,            // arena: residual input added to the output (has_skip)
  sum: u32,             // arena: output + skip (has_skip)
  has_skip: u32,
  dz: u32,              // arena: ∂loss/∂Z of this layer, rows × out
  extra_grad: u32,      // arena: gradient reaching the input through a skip (has_extra_grad), rows × in
  has_extra_grad: u32,
  raw_grad: u32,        // arena: where to keep ∂loss/∂input when a skip needs it (store_raw_grad), rows × in
  store_raw_grad: u32,
  producer_output: u32, // arena: the stored output of the layer feeding this one, rows × in
  producer_activation: u32,
  producer_index: u32,  // layer_index of that producer (its dropout mask)
  producer_dz: u32,     // arena: ∂loss/∂Z of the producer, rows × in (has_producer)
  has_producer: u32,
  hidden: u32,          // 1 for hidden layers (dropout applies), 0 for the output layer
  _pad0: u32,
  _pad1: u32,
}

// The optimizer and its live settings (optimizer.wgsl, layer_stats.wgsl).
struct Settings {
  optimizer: u32,        // OPTIMIZER_*
  parameter_count: u32,
  weight_count: u32,     // weights occupy [0, weight_count); biases follow
  _pad: u32,
  momentum: f32,
  l1: f32,
  l2: f32,
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  _pad1: f32,
  _pad2: f32,
}

const LEAKY_RELU_SLOPE: f32 = 0.01;

// e^z − 1 without cancellation near 0 (WGSL has no expm1).
fn expm1_f32(z: f32) -> f32 {
  if (abs(z) < 1e-3) {
    return z + 0.5 * z * z + z * z * z / 6.0;
  }
  return exp(z) - 1.0;
}

fn sigmoid_f32(z: f32) -> f32 {
  if (z >= 0.0) {
    return 1.0 / (1.0 + exp(-z));
  }
  let e = exp(z);
  return e / (1.0 + e);
}

// σ(z) for the activation with this index.
fn activate(kind: u32, z: f32) -> f32 {
  switch kind {
    case ACT_RELU: { return max(z, 0.0); }
    case ACT_LEAKY_RELU: { return select(LEAKY_RELU_SLOPE * z, z, z > 0.0); }
    case ACT_ELU: { return select(expm1_f32(z), z, z > 0.0); }
    // tanh saturates to ±1 in f32 long before 15; clamping keeps every driver's tanh finite.
    case ACT_TANH: { return tanh(clamp(z, -15.0, 15.0)); }
    case ACT_SIGMOID: { return sigmoid_f32(z); }
    case ACT_SOFTPLUS: { return max(z, 0.0) + log(1.0 + exp(-abs(z))); }
    case ACT_LINEAR, default: { return z; }
  }
}

// σ'(z) written through the output a = σ(z), as in the CPU twin.
fn activation_slope(kind: u32, a: f32) -> f32 {
  switch kind {
    case ACT_RELU: { return select(0.0, 1.0, a > 0.0); }
    case ACT_LEAKY_RELU: { return select(LEAKY_RELU_SLOPE, 1.0, a > 0.0); }
    case ACT_ELU: { return select(a + 1.0, 1.0, a > 0.0); }
    case ACT_TANH: { return 1.0 - a * a; }
    case ACT_SIGMOID: { return a * (1.0 - a); }
    case ACT_SOFTPLUS: { return -expm1_f32(-a); }
    case ACT_LINEAR, default: { return 1.0; }
  }
}

// PCG hash of one word (Jarzynski & Olano); twin of pcgHash.
fn pcg_hash(value: u32) -> u32 {
  let state = value * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn dropout_layer_key(step_seed: u32, layer: u32) -> u32 {
  return pcg_hash(step_seed ^ (layer * 0x9e3779b9u));
}

// Whether element `index` (row · width + column) of a layer survives dropout at `rate`.
fn dropout_keep(key: u32, index: u32, rate: f32) -> bool {
  return f32(pcg_hash(index + key) >> 8u) / 16777216.0 >= rate;
}

// One parameter's optimizer update, the regularised gradient g given (CPU twin: optimizerStep in
// src/core/optimizer.ts). state0 and state1 are momentum's v, or Adam's m and v; the result is
// (w, state0, state1) after the step. kind: OPTIMIZER_*.
fn optimizer_step(kind: u32, w: f32, g: f32, state0: f32, state1: f32, step_size: f32, inv_sqrt_bc2: f32, momentum: f32, beta1: f32, beta2: f32, epsilon: f32) -> vec3f {
  switch kind {
    case OPTIMIZER_SGD: {
      return vec3f(w - step_size * g, state0, state1);
    }
    case OPTIMIZER_MOMENTUM: {
      let v = momentum * state0 + g;
      return vec3f(w - step_size * v, v, state1);
    }
    case OPTIMIZER_ADAM, default: {
      let m = beta1 * state0 + (1.0 - beta1) * g;
      let v = beta2 * state1 + (1.0 - beta2) * g * g;
      return vec3f(w - step_size * m / (sqrt(v) * inv_sqrt_bc2 + epsilon), m, v);
    }
  }
}

// Optimizer state words a parameter keeps: none for SGD, v for momentum, m and v for Adam.
fn optimizer_state_words(kind: u32) -> u32 {
  switch kind {
    case OPTIMIZER_SGD: { return 0u; }
    case OPTIMIZER_MOMENTUM: { return 1u; }
    case OPTIMIZER_ADAM, default: { return 2u; }
  }
}
