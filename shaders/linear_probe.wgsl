// linear_probe.wgsl: how linearly separable the classes are in one layer's activations: a
// logistic (one output, two classes) or softmax regression fitted to them from zero weights by
// full-batch Adam steps on standardised columns, and its training accuracy.
// Bindings: group(0) 0 Probe (uniform), 1 inputs (storage, read: rows × width activations),
//           2 labels (storage, read: rows class numbers), 3 scratch (storage, read_write),
//           4 results (storage, read_write); group(1) 0 Pass (uniform, dynamic offset): rows, and
//           result_slot, where the accuracy goes.
// Shapes: scratch: standardised inputs (rows × width) at standard, residuals (rows × outputs) at
//           residuals, weights (outputs × (width + 1), the bias last) at weights, Adam's m then v
//           (2 × as many) at moments.
// Workgroup 256; dispatch (1): one workgroup fits one layer. Phases are separated by storageBarrier.
// CPU twin: fitLinearProbe in src/cpu/inspect.ts.

struct Probe {
  width: u32,
  outputs: u32,         // 1: logistic regression; k ≥ 3: softmax over k classes
  iterations: u32,
  learning_rate: f32,
  beta1: f32,
  beta2: f32,
  epsilon: f32,
  min_deviation: f32,   // columns that vary less are only centred
  standard: u32,
  residuals: u32,
  weights: u32,
  moments: u32,
}

@group(0) @binding(0) var<uniform> probe: Probe;
@group(0) @binding(1) var<storage, read> inputs: array<f32>;
@group(0) @binding(2) var<storage, read> labels: array<f32>;
@group(0) @binding(3) var<storage, read_write> scratch: array<f32>;
@group(0) @binding(4) var<storage, read_write> results: array<f32>;
@group(1) @binding(0) var<uniform> pass_info: Pass;

var<workgroup> partial: array<f32, 256>;

// The logits of row r, in the first `outputs` entries.
fn logits_of(r: u32) -> array<f32, PROBE_MAX_OUTPUTS> {
  var z: array<f32, PROBE_MAX_OUTPUTS>;
  let width = probe.width;
  let stride = width + 1u;
  for (var c = 0u; c < probe.outputs; c++) {
    let base = probe.weights + c * stride;
    var sum = scratch[base + width];
    for (var j = 0u; j < width; j++) {
      sum += scratch[base + j] * scratch[probe.standard + r * width + j];
    }
    z[c] = sum;
  }
  return z;
}

@compute @workgroup_size(256)
fn fit(@builtin(local_invocation_index) thread: u32) {
  let rows = pass_info.rows;
  let width = probe.width;
  let outputs = probe.outputs;
  let stride = width + 1u;
  let count = outputs * stride;
  let moments_v = probe.moments + count;
  for (var j = thread; j < width; j += 256u) {
    var mean = 0.0;
    for (var r = 0u; r < rows; r++) {
      mean += inputs[r * width + j];
    }
    mean /= f32(rows);
    var variance = 0.0;
    for (var r = 0u; r < rows; r++) {
      let d = inputs[r * width + j] - mean;
      variance += d * d;
    }
    let deviation = sqrt(variance / f32(rows));
    let scale = select(deviation, 1.0, deviation < probe.min_deviation);
    for (var r = 0u; r < rows; r++) {
      scratch[probe.standard + r * width + j] = (inputs[r * width + j] - mean) / scale;
    }
  }
  for (var p = thread; p < count; p += 256u) {
    scratch[probe.weights + p] = 0.0;
    scratch[probe.moments + p] = 0.0;
    scratch[moments_v + p] = 0.0;
  }
  storageBarrier();
  for (var t = 1u; t <= probe.iterations; t++) {
    for (var r = thread; r < rows; r += 256u) {
      let z = logits_of(r);
      let label = u32(labels[r]);
      if (outputs == 1u) {
        scratch[probe.residuals + r] = sigmoid_f32(z[0]) - f32(label);
      } else {
        var top = z[0];
        for (var c = 1u; c < outputs; c++) {
          top = max(top, z[c]);
        }
        var total = 0.0;
        for (var c = 0u; c < outputs; c++) {
          total += exp(z[c] - top);
        }
        for (var c = 0u; c < outputs; c++) {
          scratch[probe.residuals + r * outputs + c] = exp(z[c] - top) / total - select(0.0, 1.0, label == c);
        }
      }
    }
    storageBarrier();
    let step_size = probe.learning_rate / (1.0 - pow(probe.beta1, f32(t)));
    let inv_sqrt_bc2 = 1.0 / sqrt(1.0 - pow(probe.beta2, f32(t)));
    for (var p = thread; p < count; p += 256u) {
      let c = p / stride;
      let j = p % stride;
      var g = 0.0;
      for (var r = 0u; r < rows; r++) {
        let x = select(scratch[probe.standard + r * width + min(j, width - 1u)], 1.0, j == width);
        g += scratch[probe.residuals + r * outputs + c] * x;
      }
      g /= f32(rows);
      let next = optimizer_step(OPTIMIZER_ADAM, scratch[probe.weights + p], g, scratch[probe.moments + p], scratch[moments_v + p], step_size, inv_sqrt_bc2, 0.0, probe.beta1, probe.beta2, probe.epsilon);
      scratch[probe.weights + p] = next.x;
      scratch[probe.moments + p] = next.y;
      scratch[moments_v + p] = next.z;
    }
    storageBarrier();
  }
  var correct = 0.0;
  for (var r = thread; r < rows; r += 256u) {
    let z = logits_of(r);
    var predicted = 0u;
    if (outputs == 1u) {
      predicted = select(0u, 1u, z[0] >= 0.0);
    } else {
      for (var c = 1u; c < outputs; c++) {
        if (z[c] > z[predicted]) {
          predicted = c;
        }
      }
    }
    correct += select(0.0, 1.0, predicted == u32(labels[r]));
  }
  partial[thread] = correct;
  workgroupBarrier();
  for (var s = 128u; s > 0u; s >>= 1u) {
    if (thread < s) {
      partial[thread] += partial[thread + s];
    }
    workgroupBarrier();
  }
  if (thread == 0u) {
    results[pass_info.result_slot] = partial[0] / f32(rows);
  }
}
