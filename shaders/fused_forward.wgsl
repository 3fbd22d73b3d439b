// fused_forward.wgsl: evaluates a small MLP (the layouts fused_mlp.wgsl trains: every layer at most
// 64 wide) on many rows in ONE dispatch: each thread takes rows (grid cells or data rows;
// ROWS_PER_THREAD of them in turn) through every layer in registers, reading the weights straight from storage, where every thread
// of a workgroup reads the same ones at the same time. (Copied into workgroup memory first, they
// made the kernel 3–5× slower on SwiftShader, which zero-fills a workgroup's memory before it runs:
// docs/PERFORMANCE.md.) A call holds a few jobs (the decision-boundary grid, the
// metrics over the training and test splits, a layer's view of the plane's lines...), laid end to
// end along x; y is the run, so a batched group evaluates all its runs at once.
// Bindings: group(0) 0 Fused (uniform: the layer table), 1 ForwardCall (uniform), 2 params
//           (storage, read: runs × parameter_count), 3 jobs (storage, read, ForwardJob per job),
//           4 train features, 5 train labels, 6 test features, 7 test labels (storage, read),
//           8 results (storage, read_write).
// Shapes: run r's results start at r · run_stride; within them, at each job's offsets: outputs
//           rows × outputs (probabilities, or values for regression), partials 2 per workgroup
//           (Σ loss, Σ correct over its rows), view: for each slot from view_first to view_last,
//           rows × its width.
// Workgroup THREADS (an override; at most FORWARD_MAX_THREADS), ROWS_PER_THREAD rows each;
//           dispatch (Σ jobs' workgroups, runs): job j has ceil(rows / (THREADS · ROWS_PER_THREAD))
//           workgroups from its first_group on.
// CPU twins: gridPoints (src/core/grid.ts), computeFeatures (src/core/features.ts), denseForward
//           (src/cpu/kernels.ts), splitMetrics and logitsToOutputs (src/core/loss.ts,
//           src/core/metrics.ts).

override THREADS: u32 = 64u;
// Rows each thread takes in turn: 1 on GPUs; more on adapters that emulate a GPU on the CPU, where
// every invocation has a fixed cost about a third of a small network's row.
override ROWS_PER_THREAD: u32 = 1u;

// What one call evaluates, and the model's features for grid jobs.
struct ForwardCall {
  job_count: u32,
  run_stride: u32,      // floats of results per run
  _pad0: u32,
  _pad1: u32,
  codes: array<vec4u, 3>,   // FEATURE_* of each input feature, 4 per vector
  mean: array<vec4f, 3>,    // their normalisation
  deviation: array<vec4f, 3>,
}

// One job: a set of rows and what to write for them; offsets count floats within a run's results,
// FORWARD_NONE when the job does not write that.
struct ForwardJob {
  first_group: u32,     // its first workgroup along x
  rows: u32,
  source: u32,          // FORWARD_SOURCE_*: grid cells, or the rows of a split
  grid_width: u32,
  grid_height: u32,
  outputs: u32,
  partials: u32,
  view: u32,
  view_first: u32,      // slots whose activations go to `view` (0 is the input features)
  view_last: u32,
  x1_min: f32,
  x1_max: f32,
  x2_min: f32,
  x2_max: f32,
  _pad0: u32,
  _pad1: u32,
}

@group(0) @binding(0) var<uniform> fused: Fused;
@group(0) @binding(1) var<uniform> evaluation: ForwardCall;
@group(0) @binding(2) var<storage, read> params: array<f32>;
@group(0) @binding(3) var<storage, read> jobs: array<ForwardJob>;
@group(0) @binding(4) var<storage, read> train_features: array<f32>;
@group(0) @binding(5) var<storage, read> train_labels: array<f32>;
@group(0) @binding(6) var<storage, read> test_features: array<f32>;
@group(0) @binding(7) var<storage, read> test_labels: array<f32>;
@group(0) @binding(8) var<storage, read_write> results: array<f32>;

var<workgroup> partial_loss: array<f32, FORWARD_MAX_THREADS>;
var<workgroup> partial_correct: array<f32, FORWARD_MAX_THREADS>;

// Two rows of activations: the layer's input in one half, its output in the other.
var<private> h: array<f32, 2 * FUSED_MAX_WIDTH>;
// Where this workgroup's run's parameters start.
var<private> params_base: u32;

// The job of workgroup x: the last whose first workgroup is at or before x.
fn job_of(x: u32) -> u32 {
  var j = 0u;
  for (var k = 1u; k < evaluation.job_count; k++) {
    if (x >= jobs[k].first_group) {
      j = k;
    }
  }
  return j;
}

// Puts row `row`'s features in h[0…], and returns its label (0 for grid cells).
fn load_row(job: ForwardJob, row: u32) -> f32 {
  let width = fused.feature_width;
  if (job.source == FORWARD_SOURCE_GRID) {
    let column = f32(row % job.grid_width);
    let line = f32(row / job.grid_width);
    let x1 = job.x1_min + (column + 0.5) * (job.x1_max - job.x1_min) / f32(job.grid_width);
    let x2 = job.x2_max - (line + 0.5) * (job.x2_max - job.x2_min) / f32(job.grid_height);
    for (var f = 0u; f < width; f++) {
      let value = feature_value(evaluation.codes[f / 4u][f % 4u], x1, x2);
      h[f] = (value - evaluation.mean[f / 4u][f % 4u]) / evaluation.deviation[f / 4u][f % 4u];
    }
    return 0.0;
  }
  if (job.source == FORWARD_SOURCE_TRAIN) {
    for (var f = 0u; f < width; f++) {
      h[f] = train_features[row * width + f];
    }
    return train_labels[row];
  }
  for (var f = 0u; f < width; f++) {
    h[f] = test_features[row * width + f];
  }
  return test_labels[row];
}

// Copies `width` activations from h[start…] to the job's view when `slot` is one it shows; returns
// the floats the slot takes there (0 when it is not shown).
fn write_view(job: ForwardJob, base: u32, row: u32, slot: u32, start: u32, width: u32) -> u32 {
  if (job.view == FORWARD_NONE || slot < job.view_first || slot > job.view_last) {
    return 0u;
  }
  for (var i = 0u; i < width; i++) {
    results[base + row * width + i] = h[start + i];
  }
  return job.rows * width;
}

// Row `row` of `job` through the network for run `run`: its outputs and view written, its
// (loss, correct) returned for the job's partial sums.
fn evaluate_row(job: ForwardJob, run: u32, row: u32) -> vec2f {
  let y = load_row(job, row);
  let results_base = run * evaluation.run_stride;
  var view_at = results_base + job.view;
  view_at += write_view(job, view_at, row, 0u, 0u, fused.feature_width);
  var current = 0u;
  let last = fused.layer_count - 1u;
  for (var l = 0u; l < last; l++) {
    let layer = fused.layers[l];
    let next = FUSED_MAX_WIDTH - current;
    for (var o = 0u; o < layer.out_width; o++) {
      let w = layer.weight_offset + o * layer.in_width;
      var z = 0.0;
      for (var i = 0u; i < layer.in_width; i++) {
        z += h[current + i] * params[params_base + w + i];
      }
      h[next + o] = activate(layer.activation, z + params[params_base + layer.bias_offset + o]);
    }
    current = next;
    view_at += write_view(job, view_at, row, l + 1u, current, layer.out_width);
  }

  let layer = fused.layers[last];
  let outputs = fused.outputs;
  var logits: array<f32, FUSED_MAX_OUTPUTS>;
  var top = -3.4e38;
  var best = 0u;
  for (var c = 0u; c < outputs; c++) {
    let w = layer.weight_offset + c * layer.in_width;
    var z = 0.0;
    for (var i = 0u; i < layer.in_width; i++) {
      z += h[current + i] * params[params_base + w + i];
    }
    logits[c] = z + params[params_base + layer.bias_offset + c];
    if (logits[c] > top) {
      top = logits[c];
      best = c;
    }
  }
  var total = 0.0;
  for (var c = 0u; c < outputs; c++) {
    total += exp(logits[c] - top);
  }

  if (job.outputs != FORWARD_NONE) {
    let out = results_base + job.outputs + row * outputs;
    if (fused.task == TASK_BINARY) {
      results[out] = sigmoid_f32(logits[0]);
    } else if (fused.task == TASK_MULTICLASS) {
      for (var c = 0u; c < outputs; c++) {
        results[out + c] = exp(logits[c] - top) / total;
      }
    } else {
      results[out] = logits[0];
    }
  }

  if (fused.task == TASK_BINARY) {
    let z = logits[0];
    let correct = select(0.0, 1.0, select(0u, 1u, z >= 0.0) == u32(y));
    return vec2f(max(z, 0.0) - z * y + log(1.0 + exp(-abs(z))), correct);
  }
  if (fused.task == TASK_MULTICLASS) {
    let label = u32(y);
    return vec2f(top + log(total) - logits[label], select(0.0, 1.0, best == label));
  }
  let error = logits[0] - y;
  return vec2f(error * error, 0.0);
}

@compute @workgroup_size(THREADS)
fn evaluate(@builtin(local_invocation_index) thread: u32, @builtin(workgroup_id) group: vec3u) {
  let run = group.y;
  params_base = run * fused.parameter_count;
  let job = jobs[job_of(group.x)];

  let block = group.x - job.first_group;
  var scores = vec2f(0.0);
  for (var k = 0u; k < ROWS_PER_THREAD; k++) {
    let row = (block * ROWS_PER_THREAD + k) * THREADS + thread;
    if (row < job.rows) {
      scores += evaluate_row(job, run, row);
    }
  }
  if (job.partials == FORWARD_NONE) {
    return;
  }
  partial_loss[thread] = scores.x;
  partial_correct[thread] = scores.y;
  for (var stride = THREADS / 2u; stride > 0u; stride >>= 1u) {
    workgroupBarrier();
    if (thread < stride) {
      partial_loss[thread] += partial_loss[thread + stride];
      partial_correct[thread] += partial_correct[thread + stride];
    }
  }
  if (thread == 0u) {
    let at = run * evaluation.run_stride + job.partials + 2u * block;
    results[at] = partial_loss[0];
    results[at + 1u] = partial_correct[0];
  }
}
