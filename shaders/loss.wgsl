// loss.wgsl: the loss fused with the output unit: sigmoid + binary cross-entropy (1 output),
// softmax + cross-entropy (k outputs), linear + mean squared error (regression).
// Bindings: group(0) 0 Loss (uniform), 1 arena (storage, read_write), 2 results (storage, read_write),
//           3 status (storage, read_write, u32); group(1) 0 Pass (uniform, dynamic offset).
// Shapes: logits rows × outputs at arena[logits]; labels rows at arena[labels]; dz like logits.
// Entry points:
//   train_loss     one workgroup of 256: dz = ∂(mean loss)/∂logits over batch_rows; results[result_slot] = mean loss
//                  (chunks after the first add to it);
//                  a non-finite loss sets status[0] = 1 (diverged), which stops the optimizer
//   split_metrics  one workgroup of 256 per chunk: results[2·slot] = Σ loss, results[2·slot + 1] = Σ correct
//   to_outputs     one thread per row: results[(first_row + r) · outputs + c] = probabilities or values
// CPU twins: lossAndGradient, splitMetrics, logitsToOutputs (src/core/loss.ts, src/core/metrics.ts).

struct Loss {
  task: u32,      // TASK_*
  outputs: u32,
  logits: u32,
  labels: u32,
  dz: u32,
  _pad0: u32,
  _pad1: u32,
  _pad2: u32,
}

@group(0) @binding(0) var<uniform> loss: Loss;
@group(0) @binding(1) var<storage, read_write> arena: array<f32>;
@group(0) @binding(2) var<storage, read_write> results: array<f32>;
@group(0) @binding(3) var<storage, read_write> status: array<u32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

var<workgroup> partial_loss: array<f32, 256>;
var<workgroup> partial_correct: array<f32, 256>;

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

fn largest_logit(base: u32) -> f32 {
  var best = arena[base];
  for (var c = 1u; c < loss.outputs; c++) {
    best = max(best, arena[base + c]);
  }
  return best;
}

// Loss of one row; with `gradient_scale` > 0 also writes its dz scaled by it.
fn row_loss(row: u32, gradient_scale: f32) -> f32 {
  let base = loss.logits + row * loss.outputs;
  let y = arena[loss.labels + row];
  if (loss.task == TASK_BINARY) {
    let z = arena[base];
    if (gradient_scale > 0.0) {
      arena[loss.dz + row] = (sigmoid_f32(z) - y) * gradient_scale;
    }
    return max(z, 0.0) - z * y + log(1.0 + exp(-abs(z)));
  }
  if (loss.task == TASK_MULTICLASS) {
    let top = largest_logit(base);
    var total = 0.0;
    for (var c = 0u; c < loss.outputs; c++) {
      total += exp(arena[base + c] - top);
    }
    let label = u32(y);
    if (gradient_scale > 0.0) {
      for (var c = 0u; c < loss.outputs; c++) {
        let p = exp(arena[base + c] - top) / total;
        arena[loss.dz + row * loss.outputs + c] = (p - select(0.0, 1.0, c == label)) * gradient_scale;
      }
    }
    return top + log(total) - arena[base + label];
  }
  let error = arena[base] - y;
  if (gradient_scale > 0.0) {
    arena[loss.dz + row] = 2.0 * error * gradient_scale;
  }
  return error * error;
}

fn row_correct(row: u32) -> f32 {
  let base = loss.logits + row * loss.outputs;
  let label = u32(arena[loss.labels + row]);
  if (loss.task == TASK_BINARY) {
    return select(0.0, 1.0, select(0u, 1u, arena[base] >= 0.0) == label);
  }
  var best = 0u;
  for (var c = 1u; c < loss.outputs; c++) {
    if (arena[base + c] > arena[base + best]) {
      best = c;
    }
  }
  return select(0.0, 1.0, best == label);
}

fn reduce_partials(thread: u32) {
  for (var stride = 128u; stride > 0u; stride >>= 1u) {
    workgroupBarrier();
    if (thread < stride) {
      partial_loss[thread] += partial_loss[thread + stride];
      partial_correct[thread] += partial_correct[thread + stride];
    }
  }
  workgroupBarrier();
}

@compute @workgroup_size(256)
fn train_loss(@builtin(local_invocation_index) thread: u32) {
  let rows = pass_info.rows;
  let scale = 1.0 / f32(pass_info.batch_rows);
  var sum = 0.0;
  for (var row = thread; row < rows; row += 256u) {
    sum += row_loss(row, scale);
  }
  partial_loss[thread] = sum;
  partial_correct[thread] = 0.0;
  reduce_partials(thread);
  if (thread == 0u) {
    // Later chunks of a step add their share of the mean to the first's.
    let share = partial_loss[0] * scale;
    let mean = select(share, results[pass_info.result_slot] + share, pass_info.first_row > 0u);
    results[pass_info.result_slot] = mean;
    if (!is_finite(mean)) {
      status[0] = 1u;
    }
  }
}

@compute @workgroup_size(256)
fn split_metrics(@builtin(local_invocation_index) thread: u32) {
  var sum = 0.0;
  var correct = 0.0;
  for (var row = thread; row < pass_info.rows; row += 256u) {
    sum += row_loss(row, 0.0);
    if (loss.task != TASK_REGRESSION) {
      correct += row_correct(row);
    }
  }
  partial_loss[thread] = sum;
  partial_correct[thread] = correct;
  reduce_partials(thread);
  if (thread == 0u) {
    results[2u * pass_info.result_slot] = partial_loss[0];
    results[2u * pass_info.result_slot + 1u] = partial_correct[0];
  }
}

@compute @workgroup_size(256)
fn to_outputs(@builtin(global_invocation_id) id: vec3u) {
  let row = id.x;
  if (row >= pass_info.rows) {
    return;
  }
  let base = loss.logits + row * loss.outputs;
  let out = (pass_info.first_row + row) * loss.outputs;
  if (loss.task == TASK_BINARY) {
    results[out] = sigmoid_f32(arena[base]);
  } else if (loss.task == TASK_MULTICLASS) {
    let top = largest_logit(base);
    var total = 0.0;
    for (var c = 0u; c < loss.outputs; c++) {
      total += exp(arena[base + c] - top);
    }
    for (var c = 0u; c < loss.outputs; c++) {
      results[out + c] = exp(arena[base + c] - top) / total;
    }
  } else {
    results[out] = arena[base];
  }
}
