// fused_mlp.wgsl: k optimizer steps of a small MLP (every layer at most 64 wide) for each run of a
// group that shares a layout and a training split, in ONE dispatch: workgroup x trains run x. Per
// step, the run's minibatch is read through its epoch's indices, pushed forward with inverted
// dropout on hidden layers, scored by the loss fused with the output unit, and pushed back, each
// layer's weights updated as soon as nothing reads them any more. Each run has its own parameters,
// optimizer state, status word, losses, arena region and schedule (its own seed: minibatch rows and
// dropout), and its own optimizer, learning rate, momentum, L1, L2 and dropout (RunSettings); the
// layout (Fused), the training split's copy and the code are shared. A single trainer is a group
// of one run (src/gpu/fusedMlp.ts); a batched one has many (src/gpu/batchedTrainer.ts).
// Bindings: group(0) 0 Fused (uniform), 1 params (storage, read_write), 2 state (storage,
//           read_write: momentum v, or Adam m then v), 3 status (storage, read_write, u32),
//           4 losses (storage, read_write), 5 arena (storage, read_write), 6 schedule (storage,
//           read, u32), 7 runs (storage, read, RunSettings per run).
// Shapes: params: runs × parameter_count; state: runs × 2 · parameter_count; status: runs;
//           losses: runs × steps; schedule: per run, at its RunSettings.schedule_offset,
//           FUSED_STEP_RECORD_WORDS per step (StepRecord), then the row indices each record points
//           at; arena: per run (at r · arena_stride) every hidden layer's output and every layer's
//           dZ, rows × out each (offsets in Fused.layers), the partial losses and the backup
//           (parameter_count); then, shared, a copy of the training split made when the trainer is
//           built (n × feature_width features, n labels).
// Workgroup THREADS (an override, 64 unless the pipeline says otherwise); dispatch (runs): one
//           workgroup per run, no run reads another's numbers, so the runs need no synchronisation
//           between them. Phases are separated by storageBarrier (all shared numbers live in
//           storage): 2 per layer and step.
// Per step: loss into losses[run · steps + s]; a non-finite mean loss sets status[run] = 1, stops
//           every update of that run for the rest of the call and, at its end, puts back its
//           parameters from its start.
// CPU twins: gatherRows, denseForward, denseWeightGradient, denseInputGradient (src/cpu/kernels.ts),
//           lossAndGradient (src/core/loss.ts), optimizerStep (src/core/optimizer.ts).

// FUSED_MAX_LAYERS, FUSED_MAX_OUTPUTS and FUSED_STEP_RECORD_WORDS come with the generated
// constants (src/gpu/fusedLimits.ts).

override THREADS: u32 = 64u;

// FusedLayer and Fused come from fused_layout.wgsl.

// What may differ between the runs of a group; 8 words per run.
struct RunSettings {
  optimizer: u32,       // OPTIMIZER_*
  momentum: f32,
  l1: f32,
  l2: f32,
  dropout_rate: f32,
  schedule_offset: u32, // schedule: this run's first StepRecord
  _pad0: u32,
  _pad1: u32,
}

// schedule[run.schedule_offset + FUSED_STEP_RECORD_WORDS · s …]: what step s of the call needs; index_offset is absolute.
struct StepRecord {
  rows: u32,
  index_offset: u32,    // schedule: first of this step's `rows` row indices
  step_seed: u32,       // dropout stream of this step
  step_size: f32,       // lr, or lr / (1 − β₁ᵗ) for Adam
  inv_sqrt_bc2: f32,    // 1 / sqrt(1 − β₂ᵗ) for Adam, else 1
}

@group(0) @binding(0) var<uniform> fused: Fused;
@group(0) @binding(1) var<storage, read_write> params: array<f32>;
@group(0) @binding(2) var<storage, read_write> state: array<f32>;
@group(0) @binding(3) var<storage, read_write> status: array<u32>;
@group(0) @binding(4) var<storage, read_write> losses: array<f32>;
@group(0) @binding(5) var<storage, read_write> arena: array<f32>;
@group(0) @binding(6) var<storage, read> schedule: array<u32>;
@group(0) @binding(7) var<storage, read> runs: array<RunSettings>;

// The run this workgroup trains, and where its numbers start in the shared buffers.
var<private> run: u32;
var<private> settings: RunSettings;
var<private> params_base: u32;
var<private> state_base: u32;
var<private> arena_base: u32;

fn step_record(s: u32) -> StepRecord {
  let base = settings.schedule_offset + FUSED_STEP_RECORD_WORDS * s;
  return StepRecord(schedule[base], schedule[base + 1u], schedule[base + 2u], bitcast<f32>(schedule[base + 3u]), bitcast<f32>(schedule[base + 4u]));
}

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

// Where layer l's input row `row` starts in the arena: layer 0 reads the training split's copy
// through the step's indices (no gathered minibatch), every other layer the stored output of the
// one before.
fn input_row(l: u32, step: StepRecord, row: u32) -> u32 {
  if (l == 0u) {
    return fused.features + schedule[step.index_offset + row] * fused.feature_width;
  }
  let previous = fused.layers[l - 1u];
  return arena_base + previous.output + row * previous.out_width;
}

// σ(W·a + b) of every (row, unit) of hidden layer l, with inverted dropout.
fn forward_hidden(l: u32, step: StepRecord, thread: u32) {
  let layer = fused.layers[l];
  let rate = settings.dropout_rate;
  let key = dropout_layer_key(step.step_seed, l);
  let count = step.rows * layer.out_width;
  for (var e = thread; e < count; e += THREADS) {
    let row = e / layer.out_width;
    let unit = e % layer.out_width;
    let weights = layer.weight_offset + unit * layer.in_width;
    let input = input_row(l, step, row);
    var z = 0.0;
    for (var i = 0u; i < layer.in_width; i++) {
      z += arena[input + i] * params[params_base + weights + i];
    }
    var a = activate(layer.activation, z + params[params_base + layer.bias_offset + unit]);
    if (rate > 0.0) {
      a = select(0.0, a * (1.0 / (1.0 - rate)), dropout_keep(key, e, rate));
    }
    arena[arena_base + layer.output + e] = a;
  }
}

// The output layer and the loss, one row per thread: dZ of the logits into the arena, and this
// thread's sum of row losses into its partial.
fn output_and_loss(step: StepRecord, thread: u32) {
  let l = fused.layer_count - 1u;
  let layer = fused.layers[l];
  let outputs = fused.outputs;
  let scale = 1.0 / f32(step.rows);
  var sum = 0.0;
  for (var row = thread; row < step.rows; row += THREADS) {
    var logits: array<f32, FUSED_MAX_OUTPUTS>;
    var top = -3.4e38;
    let input = input_row(l, step, row);
    for (var c = 0u; c < outputs; c++) {
      let weights = layer.weight_offset + c * layer.in_width;
      var z = 0.0;
      for (var i = 0u; i < layer.in_width; i++) {
        z += arena[input + i] * params[params_base + weights + i];
      }
      logits[c] = z + params[params_base + layer.bias_offset + c];
      top = max(top, logits[c]);
    }
    let y = arena[fused.labels + schedule[step.index_offset + row]];
    let dz = arena_base + layer.dz + row * outputs;
    if (fused.task == TASK_BINARY) {
      let z = logits[0];
      arena[dz] = (sigmoid_f32(z) - y) * scale;
      sum += max(z, 0.0) - z * y + log(1.0 + exp(-abs(z)));
    } else if (fused.task == TASK_MULTICLASS) {
      var total = 0.0;
      for (var c = 0u; c < outputs; c++) {
        total += exp(logits[c] - top);
      }
      let label = u32(y);
      for (var c = 0u; c < outputs; c++) {
        let p = exp(logits[c] - top) / total;
        arena[dz + c] = (p - select(0.0, 1.0, c == label)) * scale;
      }
      sum += top + log(total) - logits[label];
    } else {
      let error = logits[0] - y;
      arena[dz] = 2.0 * error * scale;
      sum += error * error;
    }
  }
  arena[arena_base + fused.partials + thread] = sum;
}

// Element e of layer l's input gradient: G = dZ·W, then the producer's
// dZ = G ⊙ dropout ⊙ σ'(its stored output).
fn input_gradient(l: u32, step: StepRecord, e: u32) {
  let layer = fused.layers[l];
  let producer = fused.layers[l - 1u];
  let row = e / layer.in_width;
  let i = e % layer.in_width;
  var g = 0.0;
  for (var o = 0u; o < layer.out_width; o++) {
    g += arena[arena_base + layer.dz + row * layer.out_width + o] * params[params_base + layer.weight_offset + o * layer.in_width + i];
  }
  var scale = 1.0;
  var keep = true;
  let rate = settings.dropout_rate;
  if (rate > 0.0) {
    keep = dropout_keep(dropout_layer_key(step.step_seed, l - 1u), e, rate);
    scale = 1.0 / (1.0 - rate);
  }
  // The stored output carries the dropout scale; undo it to get σ(z) back.
  let slope = activation_slope(producer.activation, arena[arena_base + producer.output + e] / scale);
  arena[arena_base + producer.dz + e] = select(0.0, g * scale * slope, keep);
}

// One optimizer update of params[p] with gradient `gradient`, as optimizer.wgsl's update does it.
fn apply_update(p: u32, gradient: f32, step: StepRecord) {
  let w = params[params_base + p];
  var g = gradient;
  if (p < fused.weight_count) {
    g += settings.l1 * sign(w) + settings.l2 * w;
  }
  let n = fused.parameter_count;
  let words = optimizer_state_words(settings.optimizer);
  let state0 = select(0.0, state[state_base + p], words > 0u);
  let state1 = select(0.0, state[state_base + n + p], words > 1u);
  let next = optimizer_step(settings.optimizer, w, g, state0, state1, step.step_size, step.inv_sqrt_bc2, settings.momentum, fused.beta1, fused.beta2, fused.epsilon);
  params[params_base + p] = next.x;
  if (words > 0u) {
    state[state_base + p] = next.y;
  }
  if (words > 1u) {
    state[state_base + n + p] = next.z;
  }
}

// Element e of layer l's (out × (in + 1)) gradient, the bias as column `in` of an all-ones
// input: dW = dZᵀ·A and db = column sums of dZ, applied at once. Selects, not branches: on
// adapters that emulate a GPU on the CPU both sides of a branch cost.
fn update_parameter(l: u32, step: StepRecord, e: u32) {
  let layer = fused.layers[l];
  let unit = e / (layer.in_width + 1u);
  let i = e % (layer.in_width + 1u);
  let is_bias = i == layer.in_width;
  let column = min(i, layer.in_width - 1u);
  var g = 0.0;
  for (var row = 0u; row < step.rows; row++) {
    let a = select(arena[input_row(l, step, row) + column], 1.0, is_bias);
    g += arena[arena_base + layer.dz + row * layer.out_width + unit] * a;
  }
  apply_update(select(layer.weight_offset + unit * layer.in_width + i, layer.bias_offset + unit, is_bias), g, step);
}

// Updates every parameter of layer l, the threads taking turns.
fn update_layer(l: u32, step: StepRecord, thread: u32) {
  let layer = fused.layers[l];
  let count = layer.out_width * (layer.in_width + 1u);
  for (var e = thread; e < count; e += THREADS) {
    update_parameter(l, step, e);
  }
}

// Layer l's input gradient, the threads taking turns over rows × inputs.
fn input_gradients(l: u32, step: StepRecord, thread: u32) {
  let count = step.rows * fused.layers[l].in_width;
  for (var e = thread; e < count; e += THREADS) {
    input_gradient(l, step, e);
  }
}

@compute @workgroup_size(THREADS)
fn train_steps(@builtin(local_invocation_index) thread: u32, @builtin(workgroup_id) group: vec3<u32>) {
  run = group.x;
  settings = runs[run];
  let count = fused.parameter_count;
  params_base = run * count;
  state_base = 2u * run * count;
  arena_base = run * fused.arena_stride;
  let layers = fused.layer_count;
  // Every thread reads the same status and sums the same partials, so all agree on `stopped`.
  let stopped_before = status[run] != 0u;
  var stopped = stopped_before;
  if (!stopped) {
    for (var p = thread; p < count; p += THREADS) {
      arena[arena_base + fused.backup + p] = params[params_base + p];
    }
  }
  for (var s = 0u; s < fused.steps; s++) {
    let step = step_record(s);
    for (var l = 0u; l + 1u < layers; l++) {
      forward_hidden(l, step, thread);
      storageBarrier();
    }
    output_and_loss(step, thread);
    storageBarrier();

    var total = 0.0;
    for (var t = 0u; t < THREADS; t++) {
      total += arena[arena_base + fused.partials + t];
    }
    let mean = total * (1.0 / f32(step.rows));
    if (thread == 0u) {
      losses[run * fused.steps + s] = mean;
      if (!is_finite(mean)) {
        status[run] = 1u;
      }
    }
    stopped = stopped || !is_finite(mean);

    // Layer j's input gradient reads W_j, so W_j is updated one phase later, with layer j − 1's;
    // the last phase updates layers 1 and 0. Separate loops, not one over both index ranges, so
    // that no thread runs both bodies.
    for (var j = layers - 1u; j > 0u; j--) {
      input_gradients(j, step, thread);
      if (!stopped && j + 1u < layers) {
        update_layer(j + 1u, step, thread);
      }
      storageBarrier();
    }
    if (!stopped) {
      update_layer(0u, step, thread);
      if (layers > 1u) {
        update_layer(1u, step, thread);
      }
    }
    storageBarrier();
  }
  if (stopped && !stopped_before) {
    for (var p = thread; p < count; p += THREADS) {
      params[params_base + p] = arena[arena_base + fused.backup + p];
    }
  }
}
